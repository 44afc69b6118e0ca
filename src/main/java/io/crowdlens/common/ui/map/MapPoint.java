package io.crowdlens.common.ui.map;

/**
 * A point marker (for example a site): a circle of a fixed pixel radius, with a tooltip and click;
 * selectable through {@link AreaMap#setOverlaySelection}.
 *
 * @param id reported back in {@link AreaMap.OverlayClickEvent}; unique among the points
 * @param colour CSS fill colour, or {@code null} for the default blue
 * @param radiusPx radius in screen pixels
 * @param label tooltip text (plain text, lines separated by {@code \n}; the first line bold)
 */
public record MapPoint(String id, LatLng position, String colour, double radiusPx, String label) {

    public MapPoint {
        if (id == null || position == null || radiusPx <= 0) {
            throw new IllegalArgumentException("a point needs an id, a position and a radius");
        }
        label = label == null ? "" : label;
    }
}
