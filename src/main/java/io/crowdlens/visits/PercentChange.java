package io.crowdlens.visits;

import java.util.Locale;

/**
 * The change from a figure to another, for comparing two sites or two periods. Only between two shown
 * figures: against "fewer than k" there is no change to show (it could be anything from 0 to k - 1).
 */
public final class PercentChange {

    private PercentChange() {
    }

    /** (to - from) / from in percent, or null when either is fewer than k or from is zero. */
    public static Double between(Long from, Long to) {
        if (from == null || to == null || from == 0) {
            return null;
        }
        return 100.0 * (to - from) / from;
    }

    /** "+12 %", "-3 %", "0 %", or "n/a". */
    public static String format(Long from, Long to) {
        Double change = between(from, to);
        if (change == null) {
            return "n/a";
        }
        long rounded = Math.round(change);
        return String.format(Locale.ROOT, "%s%d %%", rounded > 0 ? "+" : "", rounded);
    }
}
