package io.crowdlens.api;

import io.crowdlens.api.CatalogueResponses.Area;
import io.crowdlens.api.CatalogueResponses.AreaList;
import io.crowdlens.api.CatalogueResponses.FeatureCollection;
import io.crowdlens.api.CatalogueResponses.Layer;
import io.crowdlens.api.CatalogueResponses.PresenceLayers;
import io.crowdlens.common.Dataset;
import io.crowdlens.licensing.LicenceScopeService;
import io.crowdlens.presence.LicensedArea;
import io.crowdlens.presence.MapChoices;
import io.crowdlens.presence.PresenceQueryService;
import io.crowdlens.export.GeoJsonWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The presence catalogue: licensed layers and their areas, through {@link PresenceQueryService}. */
@RestController
@RequestMapping("/api/v1/presence")
@ReadsDataset(Dataset.PRESENCE)
@Tag(name = "Presence catalogue", description = "Layers and areas you may ask presence questions about")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PresenceCatalogueController {

    private final PresenceQueryService presence;
    private final LicenceScopeService licences;

    PresenceCatalogueController(PresenceQueryService presence, LicenceScopeService licences) {
        this.presence = presence;
        this.licences = licences;
    }

    @GetMapping(path = "/layers", produces = "application/json")
    @Operation(summary = "Licensed layers",
            description = "The layers of areas your presence licence covers, and the first and last day that are "
                    + "both licensed and published.")
    PresenceLayers layers() {
        MapChoices choices = presence.choices();
        int k = licences.scopeFor(Dataset.PRESENCE).minimumCrowd();
        List<Layer> layers = choices.layers().entrySet().stream().map(e -> new Layer(e.getKey(), e.getValue())).toList();
        return new PresenceLayers(choices.release().map(r -> ReleaseEntry.of(r, k)).orElse(null), choices.firstDay(),
                choices.lastDay(), layers);
    }

    @GetMapping(path = "/layers/{layer}/areas", produces = {"application/json", GeoJsonWriter.MEDIA_TYPE})
    @Operation(summary = "Licensed areas of a layer",
            description = "Ids and names in JSON; with format=geojson (or Accept: application/geo+json) a GeoJSON "
                    + "FeatureCollection with each area's outline. A layer outside your licence and a layer that does "
                    + "not exist get the same 403.")
    @ApiResponse(responseCode = "200", description = "The areas", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = AreaList.class)),
            @Content(mediaType = GeoJsonWriter.MEDIA_TYPE, schema = @Schema(implementation = FeatureCollection.class))})
    ResponseEntity<Object> areas(
            @Parameter(description = "Layer code, from /api/v1/presence/layers") @PathVariable String layer,
            @Parameter(description = "json (default) or geojson; overrides the Accept header")
            @RequestParam(required = false) String format,
            HttpServletRequest request) {
        String code = ApiParameters.layerCode(layer);
        ApiFormats chosen = ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT), true);
        List<LicensedArea> areas = presence.areas(code);
        if (chosen == ApiFormats.JSON) {
            return ApiAnswers.json(new AreaList(code, areas.stream().map(a -> new Area(a.id(), a.name())).toList()));
        }
        return ApiAnswers.featureCollection(Map.of("layer", code),
                geo -> areas.forEach(a -> geo.feature(a.id(), properties(code, a), a.geometryGeoJson())));
    }

    @GetMapping(path = "/layers/{layer}/areas/{areaId}", produces = {"application/json", GeoJsonWriter.MEDIA_TYPE})
    @Operation(summary = "One licensed area",
            description = "Its id and name in JSON, or a GeoJSON Feature with its outline. An area outside your "
                    + "licence and one that does not exist get the same 403.")
    @ApiResponse(responseCode = "200", description = "The area", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Area.class)),
            @Content(mediaType = GeoJsonWriter.MEDIA_TYPE,
                    schema = @Schema(implementation = CatalogueResponses.Feature.class))})
    ResponseEntity<Object> area(@PathVariable String layer, @PathVariable long areaId,
            @Parameter(description = "json (default) or geojson; overrides the Accept header")
            @RequestParam(required = false) String format,
            HttpServletRequest request) {
        String code = ApiParameters.layerCode(layer);
        ApiFormats chosen = ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT), true);
        LicensedArea area = presence.areas(code).stream().filter(a -> a.id() == areaId).findFirst()
                .orElseThrow(ApiAnswers::notCovered);
        return chosen == ApiFormats.JSON ? ApiAnswers.json(new Area(area.id(), area.name()))
                : ApiAnswers.feature(area.id(), properties(code, area), area.geometryGeoJson());
    }

    private static Map<String, Object> properties(String layer, LicensedArea area) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", area.name());
        properties.put("layer", layer);
        return properties;
    }
}
