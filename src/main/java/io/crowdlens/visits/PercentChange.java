package io.crowdlens.visits;

import io.crowdlens.common.Figure;

import java.util.Locale;

/**
 * The change from a figure to another, for comparing two sites or two periods. Only between two shown
 * figures: against a figure not shown there is no change to show (it could be anything below k).
 */
public final class PercentChange {

    private PercentChange() {
    }

    /** (to - from) / from in percent, or null when either is not shown or from is zero. */
    public static Double between(Figure from, Figure to) {
        if (!(from instanceof Figure.Shown a) || !(to instanceof Figure.Shown b) || a.value() == 0) {
            return null;
        }
        return 100.0 * (b.value() - a.value()) / a.value();
    }

    /** "+12 %", "-3 %", "0 %", or "n/a". */
    public static String format(Figure from, Figure to) {
        Double change = between(from, to);
        if (change == null) {
            return "n/a";
        }
        long rounded = Math.round(change);
        return String.format(Locale.ROOT, "%s%d %%", rounded > 0 ? "+" : "", rounded);
    }
}
