package io.crowdlens.api;

import io.crowdlens.api.CatalogueResponses.FeatureCollection;
import io.crowdlens.api.FigureResponses.CatchmentArea;
import io.crowdlens.api.FigureResponses.ComparedDay;
import io.crowdlens.api.FigureResponses.ComparisonAnswer;
import io.crowdlens.api.FigureResponses.DailyVisitors;
import io.crowdlens.api.FigureResponses.DwellVisits;
import io.crowdlens.api.FigureResponses.FigureValue;
import io.crowdlens.api.FigureResponses.FirstTimeAndReturning;
import io.crowdlens.api.FigureResponses.HourlyVisitors;
import io.crowdlens.api.FigureResponses.Provenance;
import io.crowdlens.api.FigureResponses.SiteRef;
import io.crowdlens.api.FigureResponses.SiteRows;
import io.crowdlens.common.Dataset;
import io.crowdlens.common.Figure;
import io.crowdlens.export.Export;
import io.crowdlens.export.GeoJsonWriter;
import io.crowdlens.figures.ReleasePin;
import io.crowdlens.visits.HomeArea;
import io.crowdlens.visits.PercentChange;
import io.crowdlens.visits.SiteFigures;
import io.crowdlens.visits.VisitSite;
import io.crowdlens.visits.VisitorFigures;
import io.crowdlens.visits.VisitorsAnswer;
import io.crowdlens.visits.VisitsQueryService;
import io.crowdlens.visits.VisitsSelection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Visitors figures of sites (by hour, by day, length of stay, first-time and returning, catchment, a
 * comparison of sites), each answered by {@link VisitsQueryService} through the figure gate. Several
 * {@code site} parameters compare sites side by side: figures stay per site, never added up. CSV is the
 * portal's export of the same question.
 */
@RestController
@RequestMapping("/api/v1/visits")
@ReadsDataset(Dataset.VISITS)
@Tag(name = "Visitors figures", description = "Unique visitors of sites by hour, day, length of stay, loyalty and home")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class VisitsFiguresController {

    private static final String SITE = "Site id, from /api/v1/visits/sites; repeat the parameter (or separate by "
            + "commas) to compare up to 10 sites";
    private static final String FORMAT = "json (default) or csv; overrides the Accept header";
    private static final String JSON_OR_CSV_DESCRIPTION = "The figures in JSON, or the portal's CSV export";

    private final VisitsQueryService visits;
    private final FigureAnswers answers;

    VisitsFiguresController(VisitsQueryService visits, FigureAnswers answers) {
        this.visits = visits;
        this.answers = answers;
    }

    @GetMapping(path = "/hourly", produces = {"application/json", ApiFormats.CSV_MEDIA_TYPE})
    @Operation(summary = "Visitors by hour of day",
            description = "Average unique visitors in each local hour of the day, weekdays and weekend days apart, "
                    + "per site.")
    @ApiResponse(responseCode = "200", description = JSON_OR_CSV_DESCRIPTION, content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = FigureResponses.VisitorsAnswer.class)),
            @Content(mediaType = ApiFormats.CSV_MEDIA_TYPE, schema = @Schema(type = "string"))})
    ResponseEntity<Object> hourly(
            @Parameter(description = SITE, required = true) @RequestParam(required = false) List<String> site,
            @Parameter(description = PresenceFiguresController.FROM, required = true) @RequestParam(required = false) String from,
            @Parameter(description = PresenceFiguresController.TO, required = true) @RequestParam(required = false) String to,
            @Parameter(description = PresenceFiguresController.RELEASE) @RequestParam(required = false) String release,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format,
            HttpServletRequest request) throws IOException {
        return answer(site, from, to, release, format, request, visits::hourlyProfile,
                (items, target) -> visits.exportHourlyProfile(items, target),
                h -> new HourlyVisitors(h.hour(), FigureValue.of(h.weekdayAverage()), FigureValue.of(h.weekendAverage())));
    }

    @GetMapping(path = "/daily", produces = {"application/json", ApiFormats.CSV_MEDIA_TYPE})
    @Operation(summary = "Visitors by day", description = "Unique visitors with a stay begun on each day, per site.")
    @ApiResponse(responseCode = "200", description = JSON_OR_CSV_DESCRIPTION, content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = FigureResponses.VisitorsAnswer.class)),
            @Content(mediaType = ApiFormats.CSV_MEDIA_TYPE, schema = @Schema(type = "string"))})
    ResponseEntity<Object> daily(
            @Parameter(description = SITE, required = true) @RequestParam(required = false) List<String> site,
            @Parameter(description = PresenceFiguresController.FROM, required = true) @RequestParam(required = false) String from,
            @Parameter(description = PresenceFiguresController.TO, required = true) @RequestParam(required = false) String to,
            @Parameter(description = PresenceFiguresController.RELEASE) @RequestParam(required = false) String release,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format,
            HttpServletRequest request) throws IOException {
        return answer(site, from, to, release, format, request, visits::dailyVisitors,
                (items, target) -> visits.exportDailyVisitors(items, target),
                d -> new DailyVisitors(d.day(), FigureValue.of(d.visitors())));
    }

    @GetMapping(path = "/length-of-stay", produces = {"application/json", ApiFormats.CSV_MEDIA_TYPE})
    @Operation(summary = "Visits by length of stay",
            description = "Visits begun in the period by how long they lasted (one per visitor and day, its longest), "
                    + "per site.")
    @ApiResponse(responseCode = "200", description = JSON_OR_CSV_DESCRIPTION, content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = FigureResponses.VisitorsAnswer.class)),
            @Content(mediaType = ApiFormats.CSV_MEDIA_TYPE, schema = @Schema(type = "string"))})
    ResponseEntity<Object> lengthOfStay(
            @Parameter(description = SITE, required = true) @RequestParam(required = false) List<String> site,
            @Parameter(description = PresenceFiguresController.FROM, required = true) @RequestParam(required = false) String from,
            @Parameter(description = PresenceFiguresController.TO, required = true) @RequestParam(required = false) String to,
            @Parameter(description = PresenceFiguresController.RELEASE) @RequestParam(required = false) String release,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format,
            HttpServletRequest request) throws IOException {
        return answer(site, from, to, release, format, request, visits::dwellDistribution,
                (items, target) -> visits.exportDwellDistribution(items, target),
                d -> new DwellVisits(d.fromMinutes(), d.toMinutes(), d.label(), FigureValue.of(d.visits())));
    }

    @GetMapping(path = "/first-time-and-returning", produces = {"application/json", ApiFormats.CSV_MEDIA_TYPE})
    @Operation(summary = "First-time and returning visitors",
            description = "Each day's unique visitors split into first-time (first stay at the site in the release "
                    + "period) and returning; both or neither are shown.")
    @ApiResponse(responseCode = "200", description = JSON_OR_CSV_DESCRIPTION, content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = FigureResponses.VisitorsAnswer.class)),
            @Content(mediaType = ApiFormats.CSV_MEDIA_TYPE, schema = @Schema(type = "string"))})
    ResponseEntity<Object> firstTimeAndReturning(
            @Parameter(description = SITE, required = true) @RequestParam(required = false) List<String> site,
            @Parameter(description = PresenceFiguresController.FROM, required = true) @RequestParam(required = false) String from,
            @Parameter(description = PresenceFiguresController.TO, required = true) @RequestParam(required = false) String to,
            @Parameter(description = PresenceFiguresController.RELEASE) @RequestParam(required = false) String release,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format,
            HttpServletRequest request) throws IOException {
        return answer(site, from, to, release, format, request, visits::firstTimeAndReturning,
                (items, target) -> visits.exportFirstTimeAndReturning(items, target),
                l -> new FirstTimeAndReturning(l.day(), FigureValue.of(l.firstTime()), FigureValue.of(l.returning())));
    }

    @GetMapping(path = "/catchment", produces = {"application/json", ApiFormats.CSV_MEDIA_TYPE, GeoJsonWriter.MEDIA_TYPE})
    @Operation(summary = "Catchment: where visitors live",
            description = "Unique visitors over the whole release period by home area, per site (the licence must "
                    + "cover the whole period). GeoJSON: the home areas' outlines with each site's figure as "
                    + "properties (one site at a time).")
    @ApiResponse(responseCode = "200", description = "The catchment", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = FigureResponses.VisitorsAnswer.class)),
            @Content(mediaType = GeoJsonWriter.MEDIA_TYPE, schema = @Schema(implementation = FeatureCollection.class)),
            @Content(mediaType = ApiFormats.CSV_MEDIA_TYPE, schema = @Schema(type = "string"))})
    ResponseEntity<Object> catchment(
            @Parameter(description = SITE, required = true) @RequestParam(required = false) List<String> site,
            @Parameter(description = PresenceFiguresController.RELEASE) @RequestParam(required = false) String release,
            @Parameter(description = PresenceFiguresController.FORMAT_ALL) @RequestParam(required = false) String format,
            HttpServletRequest request) throws IOException {
        ApiFormats chosen = ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT),
                EnumSet.allOf(ApiFormats.class));
        List<Long> ids = ApiParameters.ids("site", site, 1);
        answers.sites(ids.size(), VisitsSelection.MAX_SITES);
        Long pin = ApiParameters.optionalId("release", release);
        if (chosen == ApiFormats.CSV) {
            return ReleasePin.call(Dataset.VISITS, pin,
                    () -> FigureAnswers.csv(target -> visits.exportCatchment(ids, target)));
        }
        VisitorsAnswer<VisitorFigures.Home> answer = ReleasePin.call(Dataset.VISITS, pin, () -> visits.catchment(ids));
        if (chosen == ApiFormats.JSON) {
            return ApiAnswers.json(json(answer,
                    h -> new CatchmentArea(h.areaId(), h.areaName(), FigureValue.of(h.visitors()))));
        }
        if (ids.size() > 1) {
            throw new ApiProblemException(ApiProblem.INVALID_PARAMETER,
                    "Parameter 'site' must name one site for GeoJSON (one figure per home area).");
        }
        Map<Long, String> outlines = new HashMap<>();
        for (HomeArea area : ReleasePin.call(Dataset.VISITS, pin, visits::catchmentAreas)) {
            outlines.put(area.id(), area.geometryGeoJson());
        }
        SiteFigures<VisitorFigures.Home> one = answer.sites().getFirst();
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("about", provenance(answer));
        members.put("site", ref(one.site()));
        return ApiAnswers.featureCollection(members, geo -> one.rows().forEach(h -> geo.feature(h.areaId(),
                FigureAnswers.properties(Map.of("name", h.areaName()), h.visitors()), outlines.get(h.areaId()))));
    }

    @GetMapping(path = "/comparison", produces = "application/json")
    @Operation(summary = "Compare sites day by day",
            description = "Unique visitors per day of two to ten sites side by side, each day's figure compared with "
                    + "the first site's in percent (only between two figures shown). Figures stay per site.")
    ComparisonAnswer comparison(
            @Parameter(description = SITE, required = true) @RequestParam(required = false) List<String> site,
            @Parameter(description = PresenceFiguresController.FROM, required = true) @RequestParam(required = false) String from,
            @Parameter(description = PresenceFiguresController.TO, required = true) @RequestParam(required = false) String to,
            @Parameter(description = PresenceFiguresController.RELEASE) @RequestParam(required = false) String release,
            @Parameter(description = "json (default)") @RequestParam(required = false) String format,
            HttpServletRequest request) {
        ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT), EnumSet.of(ApiFormats.JSON));
        List<Long> ids = ApiParameters.ids("site", site, 2);
        VisitsSelection selection = selection(ids, from, to);
        VisitorsAnswer<VisitorFigures.Day> answer = ReleasePin.call(Dataset.VISITS,
                ApiParameters.optionalId("release", release), () -> visits.dailyVisitors(selection));
        SiteFigures<VisitorFigures.Day> baseline = answer.sites().getFirst();
        Map<LocalDate, Figure> base = new HashMap<>();
        baseline.rows().forEach(d -> base.put(d.day(), d.visitors()));
        List<SiteRows<ComparedDay>> sites = new ArrayList<>();
        for (SiteFigures<VisitorFigures.Day> s : answer.sites()) {
            sites.add(new SiteRows<>(ref(s.site()), s.rows().stream().map(d -> new ComparedDay(d.day(),
                    FigureValue.of(d.visitors()), PercentChange.between(base.getOrDefault(d.day(), Figure.hidden()),
                            d.visitors()))).toList()));
        }
        return new ComparisonAnswer(provenance(answer), selection.from(), selection.to(), ref(baseline.site()), sites);
    }

    @FunctionalInterface
    private interface Exporter {
        io.crowdlens.export.ExportSummary export(List<VisitsSelection> items, io.crowdlens.export.ExportTarget target)
                throws IOException;
    }

    private <T, R> ResponseEntity<Object> answer(List<String> site, String from, String to, String release,
            String format, HttpServletRequest request, Function<VisitsSelection, VisitorsAnswer<T>> question,
            Exporter exporter, Function<T, R> row) throws IOException {
        ApiFormats chosen = ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT),
                EnumSet.of(ApiFormats.JSON, ApiFormats.CSV));
        VisitsSelection selection = selection(ApiParameters.ids("site", site, 1), from, to);
        Long pin = ApiParameters.optionalId("release", release);
        if (chosen == ApiFormats.CSV) {
            Export export = target -> exporter.export(List.of(selection), target);
            return ReleasePin.call(Dataset.VISITS, pin, () -> FigureAnswers.csv(export));
        }
        VisitorsAnswer<T> answer = ReleasePin.call(Dataset.VISITS, pin, () -> question.apply(selection));
        return ApiAnswers.json(json(answer, row));
    }

    private VisitsSelection selection(List<Long> ids, String from, String to) {
        answers.sites(ids.size(), VisitsSelection.MAX_SITES);
        LocalDate first = ApiParameters.day("from", from);
        LocalDate last = ApiParameters.day("to", to);
        answers.period(first, last);
        return new VisitsSelection(ids, first, last);
    }

    private static <T, R> FigureResponses.VisitorsAnswer<R> json(VisitorsAnswer<T> answer, Function<T, R> row) {
        List<SiteRows<R>> sites = answer.sites().stream()
                .map(s -> new SiteRows<>(ref(s.site()), s.rows().stream().map(row).toList())).toList();
        return new FigureResponses.VisitorsAnswer<>(provenance(answer), answer.selection().from(),
                answer.selection().to(), sites);
    }

    private static Provenance provenance(VisitorsAnswer<?> answer) {
        return Provenance.of(answer.release(), answer.minimumCrowd(), answer.description(), answer.shown(),
                answer.suppressed());
    }

    private static SiteRef ref(VisitSite site) {
        return new SiteRef(site.id(), site.code(), site.name());
    }
}
