package io.crowdlens.pipeline.geography;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.relateng.RelateNG;

/**
 * Areas of one layer that overlap, and by how much. Areas of a layer should tile it; official
 * boundaries often overlap by slivers of a few square metres where they were digitised separately,
 * which is harmless, while a real overlap would make the first area in the file take the cells of both.
 */
final class LayerOverlaps {

    /**
     * The interiors of the two shapes share a point (DE-9IM). A predicate keeps the matrix it built, so
     * each evaluation needs its own (one reused across pairs answered for the first pair only).
     */
    private static final String INTERIORS_MEET = "T********";

    private static final double METRES_PER_DEGREE = Math.toRadians(1) * 6_371_008.8;

    /** Two areas of one layer that share more than a line. */
    record Overlap(Area first, Area second, double squareMetres) {
    }

    private LayerOverlaps() {
    }

    /** Every overlap with an area, largest first. */
    static List<Overlap> of(AreaLayer layer) {
        List<Area> areas = layer.areas();
        RelateNG[] prepared = new RelateNG[areas.size()];
        List<Overlap> overlaps = new ArrayList<>();
        for (int[] pair : layer.neighbours()) {
            Area first = areas.get(pair[0]);
            Area second = areas.get(pair[1]);
            if (prepared[pair[0]] == null) {
                prepared[pair[0]] = RelateNG.prepare(first.shape());
            }
            // neighbours that share only their boundary are the common case: ruled out here by JTS's
            // RelateNG on the prepared first area (tens of microseconds a pair in GeographyBenchmark; the classic
            // prepared intersects + touches took about ten times that)
            if (!prepared[pair[0]].evaluate(second.shape(), INTERIORS_MEET)) {
                continue;
            }
            Geometry common = OverlayNGRobust.overlay(first.shape(), second.shape(), OverlayNG.INTERSECTION);
            double squareMetres = squareMetres(common);
            if (squareMetres > 0) {
                overlaps.add(new Overlap(first, second, squareMetres));
            }
        }
        overlaps.sort((a, b) -> Double.compare(b.squareMetres(), a.squareMetres()));
        return overlaps;
    }

    /** Area on the ground of a small shape in degrees: degrees of longitude shrink with the latitude's cosine. */
    static double squareMetres(Geometry shape) {
        if (shape.isEmpty()) {
            return 0;
        }
        Envelope box = shape.getEnvelopeInternal();
        double cosLat = Math.cos(Math.toRadians((box.getMinY() + box.getMaxY()) / 2));
        return shape.getArea() * METRES_PER_DEGREE * METRES_PER_DEGREE * cosLat;
    }
}
