package io.crowdlens.common;

import java.util.Locale;

/**
 * A figure as a partner sees it: a value with its 95 % margin, or "not shown (below the minimum
 * crowd)". Views, exports and the API render this type; nothing partner-facing uses null for
 * "suppressed" any more. A hidden figure carries nothing: it must read the same whether nobody was
 * there or a few people were.
 */
public sealed interface Figure permits Figure.Shown, Figure.Hidden {

    /** What every output says in place of a hidden figure. */
    String HIDDEN_TEXT = "not shown (below the minimum crowd)";

    /**
     * @param value the noisy figure (an average may be fractional)
     * @param margin95 half-width of the 95 % interval of the figure's noise (0: published without noise)
     * @param approximate the margin does not describe it fully: a peak (the highest of noisy figures
     *     leans high), or a figure close to the threshold (kept because its noise pushed it up)
     */
    record Shown(double value, double margin95, boolean approximate) implements Figure {

        public Shown {
            if (Double.isNaN(value) || Double.isNaN(margin95) || margin95 < 0) {
                throw new IllegalArgumentException("a shown figure has a value and a margin of at least 0");
            }
        }

        @Override
        public boolean shown() {
            return true;
        }
    }

    record Hidden() implements Figure {

        @Override
        public boolean shown() {
            return false;
        }
    }

    Figure HIDDEN = new Hidden();

    static Figure hidden() {
        return HIDDEN;
    }

    static Figure exact(long value) {
        return new Shown(value, 0, false);
    }

    boolean shown();

    /** The value rounded to a whole number, or null when hidden (for charts and sorting, never for text). */
    default Long rounded() {
        return this instanceof Shown s ? Math.round(s.value()) : null;
    }

    /** The margin rounded up to a whole number (0 when hidden or exact). */
    default long margin() {
        return this instanceof Shown s ? (long) Math.ceil(s.margin95() - 1e-9) : 0;
    }

    /** "about 240 ± 9", "240" (exact), "about 1,240 ± 12 (approximate)", or the hidden text. */
    default String text() {
        if (!(this instanceof Shown s)) {
            return HIDDEN_TEXT;
        }
        String value = String.format(Locale.ENGLISH, "%,d", Math.round(s.value()));
        if (s.margin95() == 0) {
            return value;
        }
        return "about " + value + " ± " + margin() + (s.approximate() ? " (approximate)" : "");
    }

    /** Short form for tables and tooltips: "240 ± 9", "240", or "–" for hidden (explained beside the table). */
    default String shortText() {
        if (!(this instanceof Shown s)) {
            return "–";
        }
        String value = String.format(Locale.ENGLISH, "%,d", Math.round(s.value()));
        return s.margin95() == 0 ? value : value + " ± " + margin() + (s.approximate() ? "*" : "");
    }
}
