package io.crowdlens.common.ui.map;

/**
 * How one area is filled and what its tooltip says. A suppressed area is hatched and labelled
 * "fewer than k", never coloured as zero.
 */
public record AreaShade(String colour, String label, boolean suppressed) {

    public static AreaShade value(String colour, String label) {
        return new AreaShade(colour, label, false);
    }

    public static AreaShade suppressed(int k) {
        return new AreaShade(null, "not shown (below the minimum crowd of " + k + ")", true);
    }
}
