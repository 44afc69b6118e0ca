package io.crowdlens.api;

import io.crowdlens.api.CatalogueResponses.FeatureCollection;
import io.crowdlens.api.FigureResponses.CorridorAnswer;
import io.crowdlens.api.FigureResponses.CorridorHour;
import io.crowdlens.api.FigureResponses.CorridorSeries;
import io.crowdlens.api.FigureResponses.DistrictRef;
import io.crowdlens.api.FigureResponses.FigureValue;
import io.crowdlens.api.FigureResponses.FlowValue;
import io.crowdlens.api.FigureResponses.FlowsAnswer;
import io.crowdlens.api.FigureResponses.HourValue;
import io.crowdlens.api.FigureResponses.MatrixAnswer;
import io.crowdlens.api.FigureResponses.Provenance;
import io.crowdlens.common.Dataset;
import io.crowdlens.common.Figure;
import io.crowdlens.commuting.CommutingQueryService;
import io.crowdlens.commuting.CorridorCounts;
import io.crowdlens.commuting.CorridorQueryService;
import io.crowdlens.commuting.DayType;
import io.crowdlens.commuting.District;
import io.crowdlens.commuting.DistrictFlows;
import io.crowdlens.commuting.Flow;
import io.crowdlens.commuting.OdMatrix;
import io.crowdlens.commuting.TravelDirection;
import io.crowdlens.export.GeoJsonWriter;
import io.crowdlens.figures.ReleasePin;
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
 * Commuting figures (a district's flows, the OD matrix of chosen districts, corridor counts by hour
 * and direction), each answered by {@link CommutingQueryService} or {@link CorridorQueryService}
 * through the figure gate. CSV is the portal's export of the same question.
 */
@RestController
@RequestMapping("/api/v1/commuting")
@ReadsDataset(Dataset.COMMUTING)
@Tag(name = "Commuting figures", description = "Commuter flows between districts and passes along corridors")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CommutingFiguresController {

    private static final String FORMAT = "json (default) or csv; overrides the Accept header";

    private final CommutingQueryService commuting;
    private final CorridorQueryService corridors;
    private final FigureAnswers answers;

    CommutingFiguresController(CommutingQueryService commuting, CorridorQueryService corridors, FigureAnswers answers) {
        this.commuting = commuting;
        this.corridors = corridors;
        this.answers = answers;
    }

    @GetMapping(path = "/districts/{districtId}/flows",
            produces = {"application/json", ApiFormats.CSV_MEDIA_TYPE, GeoJsonWriter.MEDIA_TYPE})
    @Operation(summary = "Commuter flows of a district",
            description = "Commuters living in the district and working elsewhere (outbound) and the reverse "
                    + "(inbound), over the release period, largest first; only pairs shown at your k, totals are "
                    + "sums of the pairs shown; and when they usually leave home. GeoJSON: the other districts' "
                    + "outlines with their outbound and inbound figures. A district outside your licence and one "
                    + "that does not exist get the same 403.")
    @ApiResponse(responseCode = "200", description = "The flows", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = FlowsAnswer.class)),
            @Content(mediaType = GeoJsonWriter.MEDIA_TYPE, schema = @Schema(implementation = FeatureCollection.class)),
            @Content(mediaType = ApiFormats.CSV_MEDIA_TYPE, schema = @Schema(type = "string"))})
    ResponseEntity<Object> flows(@PathVariable long districtId,
            @Parameter(description = PresenceFiguresController.RELEASE) @RequestParam(required = false) String release,
            @Parameter(description = PresenceFiguresController.FORMAT_ALL) @RequestParam(required = false) String format,
            HttpServletRequest request) throws IOException {
        ApiFormats chosen = ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT),
                EnumSet.allOf(ApiFormats.class));
        Long pin = ApiParameters.optionalId("release", release);
        if (chosen == ApiFormats.CSV) {
            return ReleasePin.call(Dataset.COMMUTING, pin,
                    () -> FigureAnswers.csv(target -> commuting.exportFlows(districtId, target)));
        }
        DistrictFlows flows = ReleasePin.call(Dataset.COMMUTING, pin, () -> commuting.flowsOf(districtId));
        Provenance about = Provenance.of(flows.release(), flows.minimumCrowd(), flows.describe() + " "
                + flows.release().figureSentence() + ".", flows.shownFigures(), flows.hiddenFigures());
        if (chosen == ApiFormats.JSON) {
            return ApiAnswers.json(new FlowsAnswer(about, ref(flows.district()), flows(flows.outbound()),
                    flows(flows.inbound()), FigureValue.of(flows.outboundTotal()), FigureValue.of(flows.inboundTotal()),
                    hours(flows.departuresOfResidents()), hours(flows.departuresOfWorkers())));
        }
        List<District> districts = ReleasePin.call(Dataset.COMMUTING, pin, () -> commuting.choices().districts());
        Map<Long, Figure> out = new LinkedHashMap<>();
        flows.outbound().forEach(f -> out.put(f.work().id(), f.commuters()));
        Map<Long, Figure> in = new LinkedHashMap<>();
        flows.inbound().forEach(f -> in.put(f.home().id(), f.commuters()));
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("about", about);
        members.put("district", ref(flows.district()));
        return ApiAnswers.featureCollection(members, geo -> districts.stream()
                .filter(d -> d.id() != districtId)
                .forEach(d -> {
                    Map<String, Object> properties = new LinkedHashMap<>();
                    properties.put("code", d.code());
                    properties.put("name", d.name());
                    properties.put("outbound", FigureValue.of(out.getOrDefault(d.id(), Figure.hidden())));
                    properties.put("inbound", FigureValue.of(in.getOrDefault(d.id(), Figure.hidden())));
                    geo.feature(d.id(), properties, d.geometryGeoJson());
                }));
    }

    @GetMapping(path = "/matrix", produces = {"application/json", ApiFormats.CSV_MEDIA_TYPE})
    @Operation(summary = "Origin-destination matrix of chosen districts",
            description = "Commuters between every ordered pair of two to crowdlens.api.max-districts districts "
                    + "(rows: home, columns: work), in the order given. Pairs below your k and the diagonal are not "
                    + "shown; totals are sums of the cells shown.")
    @ApiResponse(responseCode = "200", description = "The matrix", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = MatrixAnswer.class)),
            @Content(mediaType = ApiFormats.CSV_MEDIA_TYPE, schema = @Schema(type = "string"))})
    ResponseEntity<Object> matrix(
            @Parameter(description = "District ids, from /api/v1/commuting/districts; repeat the parameter or "
                    + "separate by commas", required = true) @RequestParam(required = false) List<String> district,
            @Parameter(description = PresenceFiguresController.RELEASE) @RequestParam(required = false) String release,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format,
            HttpServletRequest request) throws IOException {
        ApiFormats chosen = ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT),
                EnumSet.of(ApiFormats.JSON, ApiFormats.CSV));
        List<Long> ids = ApiParameters.ids("district", district, 2);
        answers.districts(ids.size());
        Long pin = ApiParameters.optionalId("release", release);
        if (chosen == ApiFormats.CSV) {
            return ReleasePin.call(Dataset.COMMUTING, pin,
                    () -> FigureAnswers.csv(target -> commuting.exportMatrix(ids, target)));
        }
        OdMatrix matrix = ReleasePin.call(Dataset.COMMUTING, pin, () -> commuting.matrix(ids));
        int n = matrix.districts().size();
        List<List<FigureValue>> cells = new ArrayList<>();
        for (int home = 0; home < n; home++) {
            int h = home;
            cells.add(IntStream.range(0, n).mapToObj(w -> FigureValue.of(matrix.cell(h, w))).toList());
        }
        String description = "Commuters (devices living in the home district and working in the work district, "
                + matrix.release().periodFrom() + " to " + matrix.release().periodTo() + "). Pairs below the minimum "
                + "crowd of " + matrix.minimumCrowd() + " and the diagonal are not shown; row, column and grand "
                + "totals are sums of the cells shown. " + matrix.release().figureSentence() + ".";
        return ApiAnswers.json(new MatrixAnswer(
                Provenance.of(matrix.release(), matrix.minimumCrowd(), description, matrix.shownFigures(),
                        matrix.hiddenFigures()),
                matrix.districts().stream().map(CommutingFiguresController::ref).toList(), cells,
                IntStream.range(0, n).mapToObj(i -> FigureValue.of(matrix.rowTotal(i))).toList(),
                IntStream.range(0, n).mapToObj(i -> FigureValue.of(matrix.columnTotal(i))).toList(),
                FigureValue.of(matrix.total())));
    }

    @GetMapping(path = "/corridors/{corridorId}/counts", produces = {"application/json", ApiFormats.CSV_MEDIA_TYPE})
    @Operation(summary = "Corridor counts by hour and direction",
            description = "Average devices passing along the corridor per day, by day type (weekday, weekend), "
                    + "direction and hour of entry, between two days. A day's figure below your k counts as zero; "
                    + "averages below k are not shown.")
    @ApiResponse(responseCode = "200", description = "The counts", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = CorridorAnswer.class)),
            @Content(mediaType = ApiFormats.CSV_MEDIA_TYPE, schema = @Schema(type = "string"))})
    ResponseEntity<Object> corridorCounts(@PathVariable long corridorId,
            @Parameter(description = PresenceFiguresController.FROM, required = true) @RequestParam(required = false) String from,
            @Parameter(description = PresenceFiguresController.TO, required = true) @RequestParam(required = false) String to,
            @Parameter(description = PresenceFiguresController.RELEASE) @RequestParam(required = false) String release,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format,
            HttpServletRequest request) throws IOException {
        ApiFormats chosen = ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT),
                EnumSet.of(ApiFormats.JSON, ApiFormats.CSV));
        LocalDate first = ApiParameters.day("from", from);
        LocalDate last = ApiParameters.day("to", to);
        answers.period(first, last);
        Long pin = ApiParameters.optionalId("release", release);
        if (chosen == ApiFormats.CSV) {
            return ReleasePin.call(Dataset.COMMUTING, pin,
                    () -> FigureAnswers.csv(target -> corridors.exportCorridorCounts(corridorId, first, last, target)));
        }
        CorridorCounts counts = ReleasePin.call(Dataset.COMMUTING, pin,
                () -> corridors.corridorCounts(corridorId, first, last));
        List<CorridorSeries> series = new ArrayList<>();
        for (DayType type : DayType.values()) {
            int days = counts.days().getOrDefault(type, 0);
            if (days == 0) {
                continue;
            }
            for (TravelDirection direction : TravelDirection.values()) {
                series.add(new CorridorSeries(FigureAnswers.lower(type), days, FigureAnswers.lower(direction),
                        IntStream.range(0, 24).mapToObj(h -> new CorridorHour(h,
                                FigureValue.of(counts.average(type, direction, h)))).toList()));
            }
        }
        return ApiAnswers.json(new CorridorAnswer(Provenance.of(counts.release(), counts.minimumCrowd(),
                counts.describe(), counts.shownFigures(), counts.hiddenFigures()), counts.corridor().id(),
                counts.corridor().name(), counts.from(), counts.to(), series));
    }

    private static List<FlowValue> flows(List<Flow> flows) {
        return flows.stream().map(f -> new FlowValue(ref(f.home()), ref(f.work()), FigureValue.of(f.commuters())))
                .toList();
    }

    private static List<HourValue> hours(Map<Integer, Figure> byHour) {
        return byHour.entrySet().stream().map(e -> new HourValue(e.getKey(), FigureValue.of(e.getValue()))).toList();
    }

    private static DistrictRef ref(District d) {
        return new DistrictRef(d.id(), d.code(), d.name());
    }
}
