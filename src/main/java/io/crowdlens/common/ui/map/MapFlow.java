package io.crowdlens.common.ui.map;

/**
 * A weighted flow from one point to another (for example commuters from a home area's centre to a
 * work area's centre). The map draws it as a curve bending to the right of its direction, so that
 * A to B and B to A stay apart; its width grows with the square root of {@code weight} relative to
 * the largest flow shown. Only flows with a published figure should be drawn: a suppressed flow is
 * left out (and said so in the legend), never drawn thin as if it were small.
 *
 * @param id reported back in {@link AreaMap.OverlayClickEvent}; unique among the flows
 * @param weight the figure (at least k) that sets the width
 * @param colour CSS colour, or {@code null} for the default blue
 * @param label tooltip text (plain text, lines separated by {@code \n}; the first line bold)
 */
public record MapFlow(String id, LatLng from, LatLng to, long weight, String colour, String label) {

    public MapFlow {
        if (id == null || from == null || to == null || weight < 0) {
            throw new IllegalArgumentException("a flow needs an id, two ends and a weight of at least 0");
        }
        label = label == null ? "" : label;
    }
}
