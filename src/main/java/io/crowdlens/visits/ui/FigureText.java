package io.crowdlens.visits.ui;

import io.crowdlens.common.Figure;

import java.util.Locale;

/** How a protected figure reads in a table: "1,234 ± 9", or "not shown (below the minimum crowd of k)". */
final class FigureText {

    private FigureText() {
    }

    static String of(Figure figure, int k) {
        return figure.shown() ? figure.shortText() : "not shown (below " + k + ")";
    }
}
