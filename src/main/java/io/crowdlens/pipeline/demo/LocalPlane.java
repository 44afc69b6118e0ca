package io.crowdlens.pipeline.demo;

/**
 * Kilometres east/north of the metro centre, mapped linearly to longitude/latitude. Linear, so a
 * straight edge in the plane is a straight edge in the GeoJSON, and point-in-polygon tests agree.
 */
final class LocalPlane {

    static final double CENTRE_LON = 13.40;
    static final double CENTRE_LAT = 52.52;
    private static final double KM_PER_DEGREE_LAT = 111.32;
    private static final double KM_PER_DEGREE_LON = KM_PER_DEGREE_LAT * Math.cos(Math.toRadians(CENTRE_LAT));

    private LocalPlane() {
    }

    static double lon(double xKm) {
        return CENTRE_LON + xKm / KM_PER_DEGREE_LON;
    }

    static double lat(double yKm) {
        return CENTRE_LAT + yKm / KM_PER_DEGREE_LAT;
    }

    static double x(double radiusKm, double angleDegrees) {
        return radiusKm * Math.cos(Math.toRadians(angleDegrees));
    }

    static double y(double radiusKm, double angleDegrees) {
        return radiusKm * Math.sin(Math.toRadians(angleDegrees));
    }

    static double radius(double xKm, double yKm) {
        return Math.hypot(xKm, yKm);
    }

    /** Angle in degrees in [0, 360), counter-clockwise from east. */
    static double angle(double xKm, double yKm) {
        double degrees = Math.toDegrees(Math.atan2(yKm, xKm));
        return degrees < 0 ? degrees + 360 : degrees;
    }
}
