package io.crowdlens.pipeline.geography;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * A predefined unit of a layer, as the portal shows it: its GeoJSON text for display and its exact
 * shape (a JTS Polygon or MultiPolygon in longitude, latitude) for deciding which cells lie in it.
 */
public final class Area {

    private final String layer;
    private final String code;
    private final String name;
    private final String geometry;
    private final Geometry shape;
    private final double centroidLat;
    private final double centroidLon;
    private PointOnGeometryLocator locator;

    /**
     * @param geometry GeoJSON geometry (Polygon or MultiPolygon) as text, as stored for display
     * @param shape the exact geometry, in longitude (x) and latitude (y)
     */
    public Area(String layer, String code, String name, String geometry, Geometry shape) {
        this(layer, code, name, geometry, shape, labelPoint(shape));
    }

    public Area(String layer, String code, String name, String geometry, Geometry shape, double centroidLat,
            double centroidLon) {
        this(layer, code, name, geometry, shape, new double[] {centroidLon, centroidLat});
    }

    private Area(String layer, String code, String name, String geometry, Geometry shape, double[] lonLat) {
        this.layer = layer;
        this.code = code;
        this.name = name;
        this.geometry = geometry;
        this.shape = shape;
        this.centroidLon = lonLat[0];
        this.centroidLat = lonLat[1];
    }

    public String layer() {
        return layer;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    /** GeoJSON geometry as text (Polygon or MultiPolygon), as the portal stores and draws it. */
    public String geometry() {
        return geometry;
    }

    public Geometry shape() {
        return shape;
    }

    public double centroidLat() {
        return centroidLat;
    }

    public double centroidLon() {
        return centroidLon;
    }

    /** Where a location lies: {@link Location#INTERIOR}, {@link Location#BOUNDARY} or {@link Location#EXTERIOR}. */
    public int locate(double lat, double lon) {
        if (locator == null) {
            locator = new IndexedPointInAreaLocator(shape);
        }
        return locator.locate(new Coordinate(lon, lat));
    }

    /** Inside or on the boundary. */
    public boolean contains(double lat, double lon) {
        return locate(lat, lon) != Location.EXTERIOR;
    }

    @Override
    public String toString() {
        return layer + "/" + code + " (" + name + ")";
    }

    /**
     * [lon, lat] of the outer rings' area-weighted centroid (holes ignored: a label position, not a
     * survey); the first position for a shape without area.
     */
    private static double[] labelPoint(Geometry shape) {
        double area2 = 0;
        double cx = 0;
        double cy = 0;
        for (int p = 0; p < shape.getNumGeometries(); p++) {
            Coordinate[] ring = ((Polygon) shape.getGeometryN(p)).getExteriorRing().getCoordinates();
            for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                double cross = ring[j].x * ring[i].y - ring[i].x * ring[j].y;
                area2 += cross;
                cx += (ring[j].x + ring[i].x) * cross;
                cy += (ring[j].y + ring[i].y) * cross;
            }
        }
        if (Math.abs(area2) < 1e-15) {
            Coordinate first = shape.getCoordinates()[0];
            return new double[] {first.x, first.y};
        }
        return new double[] {cx / (3 * area2), cy / (3 * area2)};
    }
}
