package io.crowdlens.export;

import io.crowdlens.common.Figure;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a shown figure is rounded in every format, so that CSV, workbook and GeoJSON agree to the digit. */
final class FigureCells {

    private FigureCells() {
    }

    /** The value: half up to {@code decimals} decimals (whole numbers for counts). */
    static BigDecimal value(Figure.Shown figure, int decimals) {
        if (decimals == 0) {
            return BigDecimal.valueOf((long) Math.ceil(figure.value() - 0.5));
        }
        return BigDecimal.valueOf(figure.value()).setScale(decimals, RoundingMode.HALF_UP);
    }

    /** A margin is rounded up, never down: to a whole number for counts, to one decimal for averages. */
    static BigDecimal margin(Figure.Shown figure, int decimals) {
        if (decimals == 0) {
            return BigDecimal.valueOf((long) Math.ceil(figure.margin95() - 1e-9));
        }
        return BigDecimal.valueOf(figure.margin95()).setScale(1, RoundingMode.CEILING);
    }
}
