package io.crowdlens.pipeline.geography;

import java.util.List;

/**
 * A predefined unit of a layer, as the portal shows it.
 *
 * @param geometry GeoJSON geometry (Polygon or MultiPolygon) as text
 */
public record Area(String layer, String code, String name, String geometry, double centroidLat, double centroidLon,
        List<Polygon> polygons, double[] bounds) {

    public Area(String layer, String code, String name, String geometry, List<Polygon> polygons) {
        this(layer, code, name, geometry, centroid(polygons)[1], centroid(polygons)[0], polygons, bounds(polygons));
    }

    public boolean contains(double lat, double lon) {
        return lon >= bounds[0] && lat >= bounds[1] && lon <= bounds[2] && lat <= bounds[3]
                && polygons.stream().anyMatch(p -> p.contains(lon, lat));
    }

    /** [lon, lat] of the outer rings' area-weighted centroid (holes ignored: a label position, not a survey). */
    private static double[] centroid(List<Polygon> polygons) {
        double area2 = 0;
        double cx = 0;
        double cy = 0;
        for (Polygon p : polygons) {
            double[] sums = p.outer().centroidSums();
            area2 += sums[0];
            cx += sums[1];
            cy += sums[2];
        }
        if (Math.abs(area2) < 1e-15) {
            Ring first = polygons.getFirst().outer();
            return new double[] {first.lons()[0], first.lats()[0]};
        }
        return new double[] {cx / (3 * area2), cy / (3 * area2)};
    }

    private static double[] bounds(List<Polygon> polygons) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Polygon p : polygons) {
            Ring r = p.outer();
            for (int i = 0; i < r.lons().length; i++) {
                b[0] = Math.min(b[0], r.lons()[i]);
                b[1] = Math.min(b[1], r.lats()[i]);
                b[2] = Math.max(b[2], r.lons()[i]);
                b[3] = Math.max(b[3], r.lats()[i]);
            }
        }
        return b;
    }
}
