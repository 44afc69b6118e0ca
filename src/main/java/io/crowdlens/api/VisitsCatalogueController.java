package io.crowdlens.api;

import io.crowdlens.api.CatalogueResponses.FeatureCollection;
import io.crowdlens.api.CatalogueResponses.Site;
import io.crowdlens.api.CatalogueResponses.SiteList;
import io.crowdlens.common.Dataset;
import io.crowdlens.export.GeoJsonWriter;
import io.crowdlens.licensing.LicenceScopeService;
import io.crowdlens.visits.VisitSite;
import io.crowdlens.visits.VisitsChoices;
import io.crowdlens.visits.VisitsQueryService;
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

/** The visitors catalogue: licensed sites, through {@link VisitsQueryService}. */
@RestController
@RequestMapping("/api/v1/visits")
@ReadsDataset(Dataset.VISITS)
@Tag(name = "Visitors catalogue", description = "Sites you may ask visitors questions about")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class VisitsCatalogueController {

    private final VisitsQueryService visits;
    private final LicenceScopeService licences;

    VisitsCatalogueController(VisitsQueryService visits, LicenceScopeService licences) {
        this.visits = visits;
        this.licences = licences;
    }

    @GetMapping(path = "/sites", produces = {"application/json", GeoJsonWriter.MEDIA_TYPE})
    @Operation(summary = "Licensed sites",
            description = "The sites of the served release that your visitors licence covers, with the first and "
                    + "last day you may ask about; with format=geojson (or Accept: application/geo+json) a GeoJSON "
                    + "FeatureCollection of their points or outlines.")
    @ApiResponse(responseCode = "200", description = "The sites", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = SiteList.class)),
            @Content(mediaType = GeoJsonWriter.MEDIA_TYPE, schema = @Schema(implementation = FeatureCollection.class))})
    ResponseEntity<Object> sites(
            @Parameter(description = "json (default) or geojson; overrides the Accept header")
            @RequestParam(required = false) String format,
            HttpServletRequest request) {
        ApiFormats chosen = ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT), true);
        VisitsChoices choices = visits.choices();
        if (chosen == ApiFormats.JSON) {
            int k = licences.scopeFor(Dataset.VISITS).minimumCrowd();
            return ApiAnswers.json(new SiteList(choices.release().map(r -> ReleaseEntry.of(r, k)).orElse(null),
                    choices.firstDay(), choices.lastDay(),
                    choices.sites().stream().map(VisitsCatalogueController::site).toList()));
        }
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("release", choices.release().map(r -> r.id()).orElse(null));
        return ApiAnswers.featureCollection(members,
                geo -> choices.sites().forEach(s -> geo.feature(s.id(), properties(s), s.geometryGeoJson())));
    }

    @GetMapping(path = "/sites/{siteId}", produces = {"application/json", GeoJsonWriter.MEDIA_TYPE})
    @Operation(summary = "One licensed site",
            description = "A site outside your licence and one that does not exist get the same 403.")
    @ApiResponse(responseCode = "200", description = "The site", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Site.class)),
            @Content(mediaType = GeoJsonWriter.MEDIA_TYPE,
                    schema = @Schema(implementation = CatalogueResponses.Feature.class))})
    ResponseEntity<Object> site(@PathVariable long siteId,
            @Parameter(description = "json (default) or geojson; overrides the Accept header")
            @RequestParam(required = false) String format,
            HttpServletRequest request) {
        ApiFormats chosen = ApiFormats.choose(format, request.getHeader(HttpHeaders.ACCEPT), true);
        VisitSite site = visits.choices().sites().stream().filter(s -> s.id() == siteId).findFirst()
                .orElseThrow(ApiAnswers::notCovered);
        return chosen == ApiFormats.JSON ? ApiAnswers.json(site(site))
                : ApiAnswers.feature(site.id(), properties(site), site.geometryGeoJson());
    }

    private static Site site(VisitSite s) {
        return new Site(s.id(), s.code(), s.name(), s.category(), s.lat(), s.lon(), s.radiusMetres());
    }

    private static Map<String, Object> properties(VisitSite s) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", s.code());
        properties.put("name", s.name());
        properties.put("category", s.category());
        properties.put("radiusMetres", s.radiusMetres());
        return properties;
    }
}
