package io.crowdlens.presence;

/**
 * One area's figure on the map. {@code value} is empty when it is fewer than k: shown as "fewer than
 * k", indistinguishable from an area where nobody was.
 */
public record AreaFigure(long areaId, String name, Long value) {

    public boolean suppressed() {
        return value == null;
    }
}
