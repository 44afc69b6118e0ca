package io.crowdlens.visits.ui;

import java.util.Locale;

/** How a protected figure reads: "1,234", or "fewer than k" (never 0, never blank). */
final class FigureText {

    private FigureText() {
    }

    static String of(Long figure, int k) {
        return figure == null ? "fewer than " + k : String.format(Locale.ENGLISH, "%,d", figure);
    }
}
