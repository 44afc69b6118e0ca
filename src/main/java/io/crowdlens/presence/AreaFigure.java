package io.crowdlens.presence;

import io.crowdlens.common.Figure;

/**
 * One area's figure on the map: a value with its margin, or "not shown (below the minimum crowd)",
 * indistinguishable from an area where nobody was.
 */
public record AreaFigure(long areaId, String name, Figure figure) {

    public boolean suppressed() {
        return !figure.shown();
    }

    /** The rounded value, null when hidden (for colour scales and sorting). */
    public Long value() {
        return figure.rounded();
    }
}
