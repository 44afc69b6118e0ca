package io.crowdlens.pipeline.geography;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Areas of one layer that overlap, and by how much. Areas of a layer should tile it; official
 * boundaries often overlap by slivers of a few square metres where they were digitised separately,
 * which is harmless, while a real overlap would make the first area in the file take the cells of both.
 */
final class LayerOverlaps {

    private static final double METRES_PER_DEGREE = Math.toRadians(1) * 6_371_008.8;

    /** Two areas of one layer that share more than a line. */
    record Overlap(Area first, Area second, double squareMetres) {
    }

    private LayerOverlaps() {
    }

    /** Every overlap with an area, largest first. */
    static List<Overlap> of(AreaLayer layer) {
        List<Area> areas = layer.areas();
        PreparedGeometry[] prepared = new PreparedGeometry[areas.size()];
        List<Overlap> overlaps = new ArrayList<>();
        for (int[] pair : layer.neighbours()) {
            Area first = areas.get(pair[0]);
            Area second = areas.get(pair[1]);
            if (prepared[pair[0]] == null) {
                prepared[pair[0]] = PreparedGeometryFactory.prepare(first.shape());
            }
            // neighbours that share only their boundary are the common case: cheap to rule out here
            if (!prepared[pair[0]].intersects(second.shape()) || prepared[pair[0]].touches(second.shape())) {
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
