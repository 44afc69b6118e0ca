package io.crowdlens.privacy;

import io.crowdlens.common.Figure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A breakdown shown beside a total of (nearly) the same crowd (docs/privacy.md, rule 3, "Totals and
 * breakdowns"): visits by length of stay beside the days' visitors, commuters by departure hour beside
 * the pairs' commuters. Subtracting the shown parts from the total estimates what is hidden. When
 * exactly one stored figure of the breakdown is hidden, that estimate is about that one figure, so it
 * must be too uncertain to tell it from zero: the 95 % margin of the difference (from the noise of the
 * total and of every shown part) must reach k. Where it does not (little noise, or a release without
 * noise), the smallest shown part is hidden as well, so the difference only ever tells a sum of two or
 * more hidden figures, one of them not small.
 */
public final class Breakdown {

    private Breakdown() {
    }

    /**
     * @param total the total as the partner can see it: null when it is not shown whole (then there is
     *     nothing exact to subtract from, and the parts stand as they are)
     * @param parts the breakdown's figures as they would be shown
     * @param hiddenFigures how many stored figures (cells of the public grid) behind the parts are hidden
     * @return the parts to show: the same, or with the smallest shown part hidden too
     */
    public static List<Figure> protect(Figure total, List<Figure> parts, int hiddenFigures, int k) {
        if (total == null || !total.shown() || hiddenFigures != 1) {
            return parts;
        }
        double variance = varianceOf(total);
        for (Figure part : parts) {
            if (part.shown()) {
                variance += varianceOf(part);
            }
        }
        if (Cells.Z95 * Math.sqrt(variance) >= k) {
            return parts;
        }
        Figure smallest = parts.stream().filter(Figure::shown)
                .min(Comparator.comparingDouble(f -> ((Figure.Shown) f).value())).orElse(null);
        if (smallest == null) {
            return parts;
        }
        List<Figure> protectedParts = new ArrayList<>(parts.size());
        boolean hidden = false;
        for (Figure part : parts) {
            if (!hidden && part == smallest) {
                protectedParts.add(Figure.hidden());
                hidden = true;
            } else {
                protectedParts.add(part);
            }
        }
        return protectedParts;
    }

    /** The noise variance behind a shown figure, from its 95 % margin. */
    static double varianceOf(Figure figure) {
        if (!(figure instanceof Figure.Shown shown)) {
            return 0;
        }
        double sd = shown.margin95() / Cells.Z95;
        return sd * sd;
    }
}
