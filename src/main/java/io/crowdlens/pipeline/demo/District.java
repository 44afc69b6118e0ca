package io.crowdlens.pipeline.demo;

/**
 * An annular sector of the metro: between two angles and two radii (inner radius 0 for the centre).
 *
 * @param ring 0 centre, 1 inner ring, 2 outer ring
 * @param outline closed exterior ring of (lon, lat) pairs, counter-clockwise
 */
record District(int index, String id, String name, int ring, double fromAngle, double toAngle,
                double innerRadiusKm, double outerRadiusKm, double[][] outline) {

    static final int CENTRE = 0;
    static final int INNER = 1;
    static final int OUTER = 2;
}
