package io.crowdlens.pipeline.geography;

import java.util.List;

/** An outer ring with optional holes. */
public record Polygon(Ring outer, List<Ring> holes) {

    boolean contains(double lon, double lat) {
        return outer.contains(lon, lat) && holes.stream().noneMatch(h -> h.contains(lon, lat));
    }
}
