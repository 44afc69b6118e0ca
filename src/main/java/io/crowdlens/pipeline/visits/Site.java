package io.crowdlens.pipeline.visits;

import io.crowdlens.pipeline.geography.Area;

/**
 * A site from sites.geojson: a polygon, or a point with a radius. Its location (the point, or the
 * polygon's centroid) decides which areas it lies in; its footprint decides which cells serve it
 * (docs/visits.md, "Which cells serve a site").
 *
 * @param geometry the GeoJSON geometry as text (Point, Polygon or MultiPolygon)
 * @param radiusMetres the radius of a point site; null for a polygon
 * @param outline the polygon of a polygon site (as an area of the pseudo-layer "site"); null for a point
 */
public record Site(String code, String name, String category, String geometry, double lat, double lon,
        Integer radiusMetres, Area outline) {

    static final double EARTH_RADIUS_METRES = 6_371_008.8;

    static Site point(String code, String name, String category, String geometry, double lat, double lon,
            int radiusMetres) {
        return new Site(code, name, category, geometry, lat, lon, radiusMetres, null);
    }

    static Site polygon(String code, String name, String category, Area outline) {
        return new Site(code, name, category, outline.geometry(), outline.centroidLat(), outline.centroidLon(), null,
                outline);
    }

    public boolean isPoint() {
        return outline == null;
    }

    /** Whether a location lies inside the site: within the radius of a point, inside a polygon. */
    public boolean contains(double pointLat, double pointLon) {
        return isPoint() ? distanceMetres(lat, lon, pointLat, pointLon) <= radiusMetres
                : outline.contains(pointLat, pointLon);
    }

    /** The site's size as a radius: a point's radius, or the radius of a circle as large as the polygon. */
    public double sizeMetres() {
        return isPoint() ? radiusMetres : Math.sqrt(areaSquareMetres() / Math.PI);
    }

    /** Great-circle distance (haversine); exact enough for sites of a few hundred metres. */
    static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /**
     * Outer rings minus holes, on a plane tangent at the site's location (sites are small): the shape's
     * area in square degrees, with a degree of longitude shortened by the cosine of the site's latitude.
     */
    private double areaSquareMetres() {
        double metresPerDegreeLat = Math.toRadians(1) * EARTH_RADIUS_METRES;
        double metresPerDegreeLon = metresPerDegreeLat * Math.cos(Math.toRadians(lat));
        return outline.shape().getArea() * metresPerDegreeLon * metresPerDegreeLat;
    }
}
