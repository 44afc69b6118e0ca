package io.crowdlens.visits;

/**
 * A site the user may study: where it is (for a marker) and what it is.
 *
 * @param radiusMetres the radius of a point site; null for a polygon site
 * @param geometryGeoJson its GeoJSON geometry (Point, Polygon or MultiPolygon)
 */
public record VisitSite(long id, String code, String name, String category, double lat, double lon,
        Integer radiusMetres, String geometryGeoJson) {
}
