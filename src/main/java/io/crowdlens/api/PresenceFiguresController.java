package io.crowdlens.api;

import io.crowdlens.api.CatalogueResponses.FeatureCollection;
import io.crowdlens.api.FigureResponses.AreaProfileAnswer;
import io.crowdlens.api.FigureResponses.AreaValue;
import io.crowdlens.api.FigureResponses.DayValue;
import io.crowdlens.api.FigureResponses.FigureValue;
import io.crowdlens.api.FigureResponses.HeatmapAnswer;
import io.crowdlens.api.FigureResponses.HourByHourAnswer;
import io.crowdlens.api.FigureResponses.HourOfDayAreas;
import io.crowdlens.api.FigureResponses.HourValue;
import io.crowdlens.api.FigureResponses.Provenance;
import io.crowdlens.common.Dataset;
import io.crowdlens.export.GeoJsonWriter;
import io.crowdlens.figures.ReleasePin;
import io.crowdlens.presence.AreaDetail;
import io.crowdlens.presence.AreaFigure;
import io.crowdlens.presence.DayFilter;
import io.crowdlens.presence.Heatmap;
import io.crowdlens.presence.HourByHour;
import io.crowdlens.presence.LicensedArea;
import io.crowdlens.presence.PresenceMetric;
import io.crowdlens.presence.PresenceQueryService;
import io.crowdlens.presence.PresenceSelection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Presence figures (heatmap, an area's hourly profile and daily series, hour by hour), each answered by
 * {@link PresenceQueryService} through the figure gate: licence scope, your k, blocking and audit are
 * the portal's. CSV is the portal's heatmap export; GeoJSON the licensed areas with their figures.
 */
@RestController
@RequestMapping("/api/v1/presence/layers/{layer}")
@ReadsDataset(Dataset.PRESENCE)
@Tag(name = "Presence figures", description = "Distinct devices in areas by hour and day")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PresenceFiguresController {

    static final String RELEASE = "Pin the answer to this release id (a published or superseded release of the "
            + "dataset, from /api/v1/releases or an earlier answer); default: the release served now";
    static final String FORMAT_ALL = "json (default), csv or geojson; overrides the Accept header";
    static final String FROM = "First day, YYYY-MM-DD, in the release's time zone";
    static final String TO = "Last day, YYYY-MM-DD (at most crowdlens.api.max-selection-days after from)";
    static final String DAYS = "every-day (default), weekdays or weekends";
    static final String FIRST_HOUR = "First hour of day, 0-23 (default 0)";
    static final String LAST_HOUR = "Last hour of day, 0-23 (default 23)";
    static final String METRIC = "average-hourly (default): average distinct devices per hour, hours below k "
            + "counting as zero; peak-hour: distinct devices in the busiest hour";

    private final PresenceQueryService presence;
    private final FigureAnswers answers;

    PresenceFiguresController(PresenceQueryService presence, FigureAnswers answers) {
        this.presence = presence;
        this.answers = answers;
    }

    @GetMapping(path = "/heatmap", produces = {"application/json", GeoJsonWriter.MEDIA_TYPE, ApiFormats.CSV_MEDIA_TYPE})
    @Operation(summary = "Presence heatmap",
            description = "One figure per licensed area of the layer: the average (or peak) of distinct devices per "
                    + "hour over the chosen days and hours. CSV is the portal's heatmap export; GeoJSON the areas' "
                    + "outlines with their figures as properties. A selection that would show no figure at your k is "
                    + "blocked (422 selection-blocked, with how to widen it).")
    @ApiResponse(responseCode = "200", description = "The heatmap", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = HeatmapAnswer.class)),
            @Content(mediaType = GeoJsonWriter.MEDIA_TYPE, schema = @Schema(implementation = FeatureCollection.class)),
            @Content(mediaType = ApiFormats.CSV_MEDIA_TYPE, schema = @Schema(type = "string"))})
    ResponseEntity<Object> heatmap(
            @Parameter(description = "Layer code, from /api/v1/presence/layers") @PathVariable String layer,
            @Parameter(description = FROM, required = true) @RequestParam(required = false) String from,
            @Parameter(description = TO, required = true) @RequestParam(required = false) String to,
            @Parameter(description = DAYS) @RequestParam(required = false) String days,
            @Parameter(description = FIRST_HOUR) @RequestParam(required = false) String firstHour,
            @Parameter(description = LAST_HOUR) @RequestParam(required = false) String lastHour,
            @Parameter(description = METRIC) @RequestParam(required = false) String metric,
            @Parameter(description = RELEASE) @RequestParam(required = false) String release,
            @Parameter(description = FORMAT_ALL) @RequestParam(required = false) String format,
            HttpServletRequest request) throws IOException {
        ApiFormats chosen = ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT),
                EnumSet.allOf(ApiFormats.class));
        PresenceSelection selection = selection(layer, from, to, days, firstHour, lastHour, metric);
        Long pin = ApiParameters.optionalId("release", release);
        if (chosen == ApiFormats.CSV) {
            return ReleasePin.call(Dataset.PRESENCE, pin,
                    () -> FigureAnswers.csv(target -> presence.exportHeatmap(selection, target)));
        }
        Heatmap heatmap = ReleasePin.call(Dataset.PRESENCE, pin, () -> presence.heatmap(selection));
        if (chosen == ApiFormats.JSON) {
            return ApiAnswers.json(json(heatmap));
        }
        Map<Long, String> outlines = new LinkedHashMap<>();
        for (LicensedArea area : ReleasePin.call(Dataset.PRESENCE, pin, () -> presence.areas(selection.layer()))) {
            outlines.put(area.id(), area.geometryGeoJson());
        }
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("about", provenance(heatmap));
        members.put("layer", selection.layer());
        return ApiAnswers.featureCollection(members, geo -> heatmap.figures().forEach(f -> geo.feature(f.areaId(),
                FigureAnswers.properties(Map.of("name", f.name()), f.figure()), outlines.get(f.areaId()))));
    }

    @GetMapping(path = "/areas/{areaId}/profile", produces = "application/json")
    @Operation(summary = "An area's hourly profile and daily series",
            description = "The metric at each of the 24 hours of day over the chosen days, and distinct devices on "
                    + "each chosen day, as the portal's area panel shows them. An area outside your licence and one "
                    + "that does not exist get the same 403.")
    AreaProfileAnswer profile(@PathVariable String layer, @PathVariable long areaId,
            @Parameter(description = FROM, required = true) @RequestParam(required = false) String from,
            @Parameter(description = TO, required = true) @RequestParam(required = false) String to,
            @Parameter(description = DAYS) @RequestParam(required = false) String days,
            @Parameter(description = METRIC) @RequestParam(required = false) String metric,
            @Parameter(description = RELEASE) @RequestParam(required = false) String release,
            @Parameter(description = "json (default)") @RequestParam(required = false) String format,
            HttpServletRequest request) {
        ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT), EnumSet.of(ApiFormats.JSON));
        PresenceSelection selection = selection(layer, from, to, days, null, null, metric);
        AreaDetail detail = ReleasePin.call(Dataset.PRESENCE, ApiParameters.optionalId("release", release),
                () -> presence.areaDetail(selection, areaId));
        Provenance about = Provenance.of(detail.release(), detail.minimumCrowd(), detail.hourlyProfileTitle() + "; "
                + detail.dailyTitle().toLowerCase(java.util.Locale.ROOT) + ". " + detail.provenance() + ". "
                + detail.release().figureSentence() + ".", detail.shownFigures(), detail.hiddenFigures());
        List<HourValue> hours = IntStream.range(0, detail.hourlyProfile().size())
                .mapToObj(h -> new HourValue(h, FigureValue.of(detail.hourlyProfile().get(h)))).toList();
        List<DayValue> series = IntStream.range(0, detail.days().size())
                .mapToObj(i -> new DayValue(detail.days().get(i), FigureValue.of(detail.dailyDevices().get(i))))
                .toList();
        return new AreaProfileAnswer(about, detail.areaId(), detail.name(), selection.layer(), selection.from(),
                selection.to(), FigureAnswers.lower(selection.days()), FigureAnswers.lower(selection.metric()),
                detail.hourlyProfileTitle(), hours, detail.dailyTitle(), series);
    }

    @GetMapping(path = "/hour-by-hour", produces = "application/json")
    @Operation(summary = "The heatmap of each hour of day",
            description = "For each hour of day in the chosen range, the metric of every licensed area at that hour "
                    + "over the chosen days (the portal's hour-by-hour player). Blocked only when no hour shows anything.")
    HourByHourAnswer hourByHour(@PathVariable String layer,
            @Parameter(description = FROM, required = true) @RequestParam(required = false) String from,
            @Parameter(description = TO, required = true) @RequestParam(required = false) String to,
            @Parameter(description = DAYS) @RequestParam(required = false) String days,
            @Parameter(description = FIRST_HOUR) @RequestParam(required = false) String firstHour,
            @Parameter(description = LAST_HOUR) @RequestParam(required = false) String lastHour,
            @Parameter(description = METRIC) @RequestParam(required = false) String metric,
            @Parameter(description = RELEASE) @RequestParam(required = false) String release,
            @Parameter(description = "json (default)") @RequestParam(required = false) String format,
            HttpServletRequest request) {
        ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT), EnumSet.of(ApiFormats.JSON));
        PresenceSelection selection = selection(layer, from, to, days, firstHour, lastHour, metric);
        HourByHour answer = ReleasePin.call(Dataset.PRESENCE, ApiParameters.optionalId("release", release),
                () -> presence.hourByHour(selection));
        List<HourOfDayAreas> hours = new ArrayList<>();
        answer.hours().forEach((hour, map) -> hours.add(new HourOfDayAreas(hour, areas(map))));
        Heatmap any = answer.hours().values().iterator().next();
        Provenance about = Provenance.of(answer.release(), answer.minimumCrowd(), any.description()
                        .replaceFirst(", [0-9]{2}:00-[0-9]{2}:59 ", ", each hour of day on its own, "),
                answer.shownFigures(), answer.hiddenFigures());
        return new HourByHourAnswer(about, selection.layer(), selection.from(), selection.to(),
                FigureAnswers.lower(selection.days()), FigureAnswers.lower(selection.metric()), hours);
    }

    private PresenceSelection selection(String layer, String from, String to, String days, String firstHour,
            String lastHour, String metric) {
        String code = ApiParameters.layerCode(layer);
        java.time.LocalDate first = ApiParameters.day("from", from);
        java.time.LocalDate last = ApiParameters.day("to", to);
        answers.period(first, last);
        int fromHour = ApiParameters.hour("firstHour", firstHour, 0);
        int toHour = ApiParameters.hour("lastHour", lastHour, 23);
        if (fromHour > toHour) {
            throw new ApiProblemException(ApiProblem.INVALID_PARAMETER,
                    "Parameter 'firstHour' must not be after 'lastHour'.");
        }
        return new PresenceSelection(code, first, last,
                ApiParameters.choice("days", days, DayFilter.class, DayFilter.EVERY_DAY), fromHour, toHour,
                ApiParameters.choice("metric", metric, PresenceMetric.class, PresenceMetric.AVERAGE_HOURLY));
    }

    private static HeatmapAnswer json(Heatmap heatmap) {
        PresenceSelection s = heatmap.selection();
        return new HeatmapAnswer(provenance(heatmap), s.layer(), s.from(), s.to(), FigureAnswers.lower(s.days()),
                s.firstHour(), s.lastHour(), FigureAnswers.lower(s.metric()), heatmap.hoursSelected(),
                areas(heatmap));
    }

    private static Provenance provenance(Heatmap heatmap) {
        return Provenance.of(heatmap.release(), heatmap.minimumCrowd(), heatmap.description(),
                heatmap.shownFigures(), heatmap.hiddenFigures());
    }

    private static List<AreaValue> areas(Heatmap heatmap) {
        List<AreaValue> areas = new ArrayList<>(heatmap.figures().size());
        for (AreaFigure f : heatmap.figures()) {
            areas.add(new AreaValue(f.areaId(), f.name(), FigureValue.of(f.figure())));
        }
        return areas;
    }
}
