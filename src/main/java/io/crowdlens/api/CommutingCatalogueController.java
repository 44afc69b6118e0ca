package io.crowdlens.api;

import io.crowdlens.api.CatalogueResponses.Corridor;
import io.crowdlens.api.CatalogueResponses.CorridorList;
import io.crowdlens.api.CatalogueResponses.District;
import io.crowdlens.api.CatalogueResponses.DistrictList;
import io.crowdlens.api.CatalogueResponses.FeatureCollection;
import io.crowdlens.common.Dataset;
import io.crowdlens.commuting.CommutingChoices;
import io.crowdlens.commuting.CommutingQueryService;
import io.crowdlens.commuting.CorridorLine;
import io.crowdlens.export.GeoJsonWriter;
import io.crowdlens.licensing.LicenceScopeService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The commuting catalogue: licensed districts and the highway corridors, through {@link CommutingQueryService}. */
@RestController
@RequestMapping("/api/v1/commuting")
@ReadsDataset(Dataset.COMMUTING)
@Tag(name = "Commuting catalogue", description = "Districts and corridors you may ask commuting questions about")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CommutingCatalogueController {

    private static final String FORMAT = "json (default) or geojson; overrides the Accept header";

    private final CommutingQueryService commuting;
    private final LicenceScopeService licences;

    CommutingCatalogueController(CommutingQueryService commuting, LicenceScopeService licences) {
        this.commuting = commuting;
        this.licences = licences;
    }

    @GetMapping(path = "/districts", produces = {"application/json", GeoJsonWriter.MEDIA_TYPE})
    @Operation(summary = "Licensed districts",
            description = "The districts of the served release's layer that your commuting licence covers for the "
                    + "whole release period; with format=geojson (or Accept: application/geo+json) their outlines.")
    @ApiResponse(responseCode = "200", description = "The districts", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = DistrictList.class)),
            @Content(mediaType = GeoJsonWriter.MEDIA_TYPE, schema = @Schema(implementation = FeatureCollection.class))})
    ResponseEntity<Object> districts(@Parameter(description = FORMAT) @RequestParam(required = false) String format,
            HttpServletRequest request) {
        ApiFormats chosen = ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT), true);
        CommutingChoices choices = commuting.choices();
        if (chosen == ApiFormats.JSON) {
            return ApiAnswers.json(new DistrictList(release(choices), choices.layerName(),
                    choices.districts().stream().map(CommutingCatalogueController::district).toList()));
        }
        return ApiAnswers.featureCollection(members(choices), geo -> choices.districts()
                .forEach(d -> geo.feature(d.id(), properties(d), d.geometryGeoJson())));
    }

    @GetMapping(path = "/districts/{districtId}", produces = {"application/json", GeoJsonWriter.MEDIA_TYPE})
    @Operation(summary = "One licensed district",
            description = "A district outside your licence and one that does not exist get the same 403.")
    @ApiResponse(responseCode = "200", description = "The district", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = District.class)),
            @Content(mediaType = GeoJsonWriter.MEDIA_TYPE,
                    schema = @Schema(implementation = CatalogueResponses.Feature.class))})
    ResponseEntity<Object> district(@PathVariable long districtId,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format, HttpServletRequest request) {
        ApiFormats chosen = ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT), true);
        io.crowdlens.commuting.District district = commuting.choices().districts().stream()
                .filter(d -> d.id() == districtId).findFirst().orElseThrow(ApiAnswers::notCovered);
        return chosen == ApiFormats.JSON ? ApiAnswers.json(district(district))
                : ApiAnswers.feature(district.id(), properties(district), district.geometryGeoJson());
    }

    @GetMapping(path = "/corridors", produces = {"application/json", GeoJsonWriter.MEDIA_TYPE})
    @Operation(summary = "Highway corridors",
            description = "The corridors of the served release, when your commuting licence covers their layer as a "
                    + "whole, with the first and last day you may compare them on; with format=geojson their lines, "
                    + "drawn in the outbound direction.")
    @ApiResponse(responseCode = "200", description = "The corridors", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = CorridorList.class)),
            @Content(mediaType = GeoJsonWriter.MEDIA_TYPE, schema = @Schema(implementation = FeatureCollection.class))})
    ResponseEntity<Object> corridors(@Parameter(description = FORMAT) @RequestParam(required = false) String format,
            HttpServletRequest request) {
        ApiFormats chosen = ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT), true);
        CommutingChoices choices = commuting.choices();
        if (chosen == ApiFormats.JSON) {
            return ApiAnswers.json(new CorridorList(release(choices), choices.firstDay(), choices.lastDay(),
                    choices.corridors().stream().map(CommutingCatalogueController::corridor).toList()));
        }
        return ApiAnswers.featureCollection(members(choices), geo -> choices.corridors()
                .forEach(c -> geo.feature(c.id(), properties(c), c.geometryGeoJson())));
    }

    @GetMapping(path = "/corridors/{corridorId}", produces = {"application/json", GeoJsonWriter.MEDIA_TYPE})
    @Operation(summary = "One corridor",
            description = "A corridor you may not see and one that does not exist get the same 403.")
    @ApiResponse(responseCode = "200", description = "The corridor", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Corridor.class)),
            @Content(mediaType = GeoJsonWriter.MEDIA_TYPE,
                    schema = @Schema(implementation = CatalogueResponses.Feature.class))})
    ResponseEntity<Object> corridor(@PathVariable long corridorId,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format, HttpServletRequest request) {
        ApiFormats chosen = ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT), true);
        CorridorLine corridor = commuting.choices().corridors().stream().filter(c -> c.id() == corridorId)
                .findFirst().orElseThrow(ApiAnswers::notCovered);
        return chosen == ApiFormats.JSON ? ApiAnswers.json(corridor(corridor))
                : ApiAnswers.feature(corridor.id(), properties(corridor), corridor.geometryGeoJson());
    }

    private ReleaseEntry release(CommutingChoices choices) {
        return choices.release().map(r -> ReleaseEntry.of(r, licences.scopeFor(Dataset.COMMUTING).minimumCrowd()))
                .orElse(null);
    }

    private static Map<String, Object> members(CommutingChoices choices) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("release", choices.release().map(r -> r.id()).orElse(null));
        return members;
    }

    private static District district(io.crowdlens.commuting.District d) {
        return new District(d.id(), d.code(), d.name(), d.lat(), d.lon());
    }

    private static Corridor corridor(CorridorLine c) {
        return new Corridor(c.id(), c.code(), c.name(), c.bufferMetres(), c.cellCount());
    }

    private static Map<String, Object> properties(io.crowdlens.commuting.District d) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", d.code());
        properties.put("name", d.name());
        return properties;
    }

    private static Map<String, Object> properties(CorridorLine c) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", c.code());
        properties.put("name", c.name());
        properties.put("bufferMetres", c.bufferMetres());
        properties.put("cellCount", c.cellCount());
        return properties;
    }
}
