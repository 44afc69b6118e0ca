package io.crowdlens.pipeline.geography;

import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The geometry an area is stored with for the portal's map, of bounded size: an area with more
 * positions than the limit is simplified (JTS's topology-preserving simplifier, the tolerance doubled
 * until it fits) and written as GeoJSON with 7 decimals (about 1 cm). A 200 MB ring made the map page
 * of the portal grow past 6 GB; cells are still assigned with the exact shape.
 */
final class DisplayGeometry {

    private DisplayGeometry() {
    }

    static String of(Geometry exact, int maxPositions) {
        double tolerance = Math.max(exact.getEnvelopeInternal().getWidth(), exact.getEnvelopeInternal().getHeight()) / 1e5;
        Geometry simple = exact;
        while (simple.getNumPoints() > maxPositions && tolerance < 1) {
            simple = TopologyPreservingSimplifier.simplify(exact, tolerance);
            tolerance *= 2;
        }
        if (simple.getNumPoints() > maxPositions) {
            simple = exact.getEnvelope();
        }
        return geoJson(simple);
    }

    static String geoJson(Geometry shape) {
        StringBuilder json = new StringBuilder();
        if (shape instanceof Polygon polygon) {
            json.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(json, polygon);
        } else {
            json.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < shape.getNumGeometries(); i++) {
                json.append(i == 0 ? "" : ",");
                polygon(json, (Polygon) shape.getGeometryN(i));
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    private static void polygon(StringBuilder json, Polygon polygon) {
        json.append('[');
        ring(json, polygon.getExteriorRing());
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            json.append(',');
            ring(json, polygon.getInteriorRingN(h));
        }
        json.append(']');
    }

    private static void ring(StringBuilder json, LinearRing ring) {
        json.append('[');
        Coordinate[] positions = ring.getCoordinates();
        for (int i = 0; i < positions.length; i++) {
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.7f,%.7f]", positions[i].x, positions[i].y));
        }
        json.append(']');
    }
}
