package io.crowdlens.privacy;

import io.crowdlens.common.Figure;

/**
 * A figure made from several stored figures (a sum, a mean, a peak), each checked against the
 * partner's k as it is added: only figures that pass count. See {@link Cells} for how the combined
 * figure and its margin are made.
 */
public final class Combination {

    enum Kind {
        SUM, MEAN, PEAK
    }

    private final Cells cells;
    private final Kind kind;
    private final int parts;
    private long total;
    private long highest;
    private int used;

    Combination(Cells cells, Kind kind, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("a mean needs at least one part");
        }
        this.cells = cells;
        this.kind = kind;
        this.parts = parts;
    }

    /** Adds one stored figure (null: none stored); it counts only when it passes the partner's k. */
    public Combination add(Integer stored) {
        return stored == null ? this : add(stored.longValue());
    }

    public Combination add(long stored) {
        if (cells.passes(stored)) {
            total += stored;
            highest = Math.max(highest, stored);
            used++;
        }
        return this;
    }

    /** How many of the added figures passed. */
    public int used() {
        return used;
    }

    public Figure figure() {
        return switch (kind) {
            case SUM -> cells.sumOfPassing(total, used);
            case MEAN -> cells.meanOfPassing(total, used, parts);
            case PEAK -> cells.peakOfPassing(highest, used);
        };
    }
}
