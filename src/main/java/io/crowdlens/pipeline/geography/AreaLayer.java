package io.crowdlens.pipeline.geography;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The areas of one polygon layer behind a spatial index (an STRtree of their bounding boxes), so that
 * finding the area of a cell looks at the few areas near it rather than all of them.
 *
 * <p>Which area a location lies in (docs/decisions/021-geometry-with-jts.md):
 * <ol>
 * <li>inside exactly one area: that area;</li>
 * <li>inside several (areas of a layer that overlap, within the allowed overlap): the first in the file;</li>
 * <li>on the boundary only (a cell on the line two areas share): the area that holds the point
 *     {@value #NUDGE_DEGREES} degrees (about a centimetre) east and half that north of it, so that of two
 *     neighbours always the same one, the eastern (or, across an east-west line, the northern), gets the cell;
 *     if none does (the cell is on the layer's outer edge), the first in the file whose boundary holds it;</li>
 * <li>in no area: none. The cell counts in no area of this layer and the run reports it; it is never
 *     moved to the nearest area.</li>
 * </ol>
 */
public final class AreaLayer {

    static final double NUDGE_DEGREES = 1e-7;

    private final String code;
    private final List<Area> areas;
    private final STRtree index = new STRtree();

    /** The areas of one layer behind a new index (built here, once). */
    public static AreaLayer of(String code, List<Area> areas) {
        return new AreaLayer(code, areas);
    }

    AreaLayer(String code, List<Area> areas) {
        this.code = code;
        this.areas = List.copyOf(areas);
        for (int i = 0; i < this.areas.size(); i++) {
            index.insert(this.areas.get(i).shape().getEnvelopeInternal(), i);
        }
        index.build();
    }

    public String code() {
        return code;
    }

    public List<Area> areas() {
        return areas;
    }

    /** The area a location lies in, by the rule above. */
    public Optional<Area> areaOf(double lat, double lon) {
        List<Integer> near = candidates(lon, lat);
        List<Area> onBoundary = new ArrayList<>(1);
        for (int i : near) {
            Area area = areas.get(i);
            int where = area.locate(lat, lon);
            if (where == Location.INTERIOR) {
                return Optional.of(area);
            }
            if (where == Location.BOUNDARY) {
                onBoundary.add(area);
            }
        }
        if (onBoundary.size() <= 1) {
            return onBoundary.stream().findFirst();
        }
        double eastLat = lat + NUDGE_DEGREES / 2;
        double eastLon = lon + NUDGE_DEGREES;
        return onBoundary.stream().filter(a -> a.locate(eastLat, eastLon) == Location.INTERIOR).findFirst()
                .or(() -> Optional.of(onBoundary.getFirst()));
    }

    /** Indexes of the areas whose bounding box holds the location, in file order. */
    @SuppressWarnings("unchecked")
    private List<Integer> candidates(double lon, double lat) {
        List<Integer> hits = new ArrayList<>(index.query(new Envelope(new Coordinate(lon, lat))));
        hits.sort(null);
        return hits;
    }

    /** Pairs of areas whose bounding boxes meet (each pair once, in file order), for the overlap check. */
    @SuppressWarnings("unchecked")
    List<int[]> neighbours() {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            for (int j : (List<Integer>) index.query(areas.get(i).shape().getEnvelopeInternal())) {
                if (j > i) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        return pairs;
    }
}
