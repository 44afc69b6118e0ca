package io.crowdlens.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The catalogue's answers in JSON: what a client needs to ask good questions. Shaped for the API, one record per answer. */
public final class CatalogueResponses {

    private CatalogueResponses() {
    }

    @Schema(description = "The datasets this token may read and your licences cover")
    public record DatasetList(List<DatasetEntry> datasets) {
    }

    public record DatasetEntry(
            @Schema(description = "PRESENCE, VISITS or COMMUTING") String dataset,
            @Schema(description = "Name as the portal shows it") String name,
            @Schema(description = "The release served now, or null when none is published yet") ReleaseEntry release,
            @Schema(description = "Minimum crowd your figures of this dataset are checked against") int yourMinimumCrowd) {
    }

    @Schema(description = "The releases served now for the datasets this token may read, one per dataset")
    public record ReleaseList(List<ReleaseEntry> releases) {
    }

    @Schema(description = "The token this request was made with (never its secret)")
    public record TokenInfo(
            @Schema(description = "The name its owner gave it") String name,
            @Schema(description = "What it may read now: its scopes that your licences still cover") List<String> scopes,
            @Schema(description = "When it stops working") OffsetDateTime expiresAt,
            @Schema(description = "The person it acts as") String user,
            @Schema(description = "Their organisation") String organisation) {
    }

    @Schema(description = "Presence: the layers of areas your licence covers and the days you may ask about")
    public record PresenceLayers(ReleaseEntry release, LocalDate firstDay, LocalDate lastDay, List<Layer> layers) {
    }

    public record Layer(@Schema(description = "Layer code, used in paths") String code, String name) {
    }

    @Schema(description = "Areas of a layer that your licence covers (ids and names; outlines in GeoJSON)")
    public record AreaList(String layer, List<Area> areas) {
    }

    public record Area(long id, String name) {
    }

    @Schema(description = "Visitors: the sites your licence covers and the days you may ask about")
    public record SiteList(ReleaseEntry release, LocalDate firstDay, LocalDate lastDay, List<Site> sites) {
    }

    public record Site(long id, String code, String name, String category,
            @Schema(description = "Latitude of the point, or of the polygon's centroid") double lat,
            double lon,
            @Schema(description = "Radius of a point site in metres; null for a polygon site") Integer radiusMetres) {
    }

    @Schema(description = "Commuting: the districts your licence covers (ids and names; outlines in GeoJSON)")
    public record DistrictList(ReleaseEntry release, String layerName, List<District> districts) {
    }

    public record District(long id, String code, String name,
            @Schema(description = "The point flow lines start and end at") double lat, double lon) {
    }

    @Schema(description = "Commuting: the highway corridors and the days you may ask about")
    public record CorridorList(ReleaseEntry release, LocalDate firstDay, LocalDate lastDay, List<Corridor> corridors) {
    }

    public record Corridor(long id, String code, String name,
            @Schema(description = "Width of the buffer around the line, in metres") int bufferMetres,
            @Schema(description = "Network cells along which passes are counted") int cellCount) {
    }

    /** Documentation only: the shape of the GeoJSON answers (RFC 7946). */
    @Schema(name = "FeatureCollection", description = "GeoJSON FeatureCollection (RFC 7946); each feature's id is "
            + "the object's id, its properties the JSON answer's fields")
    public record FeatureCollection(@Schema(allowableValues = "FeatureCollection") String type, List<Feature> features) {
    }

    @Schema(name = "Feature", description = "GeoJSON Feature (RFC 7946)")
    public record Feature(@Schema(allowableValues = "Feature") String type, long id, Map<String, Object> properties,
            @Schema(description = "GeoJSON geometry: Polygon, MultiPolygon, Point or LineString") Map<String, Object> geometry) {
    }
}
