package io.crowdlens.common.ui.map;

import java.util.List;

/**
 * A line through several points (for example a highway corridor), with a tooltip and click.
 *
 * @param id reported back in {@link AreaMap.OverlayClickEvent}; unique among the polylines
 * @param colour CSS colour, or {@code null} for the default blue
 * @param widthPx stroke width in screen pixels
 * @param label tooltip text (plain text, lines separated by {@code \n}; the first line bold)
 */
public record MapPolyline(String id, List<LatLng> path, String colour, double widthPx, String label) {

    public MapPolyline {
        if (id == null || path == null || path.size() < 2 || widthPx <= 0) {
            throw new IllegalArgumentException("a polyline needs an id, at least two points and a width");
        }
        path = List.copyOf(path);
        label = label == null ? "" : label;
    }
}
