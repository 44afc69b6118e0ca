package io.crowdlens.pipeline.protect;

import io.crowdlens.privacy.FigureFamily;

/**
 * What one figure family of a run may reveal about one privacy unit before noise: the squared L2
 * sensitivity of the family's figures, which its contribution bound makes true, and that bound in
 * words. Products declare these when they plan a run, so its cost is known before any event is read.
 *
 * @param squaredSensitivity the most one privacy unit can change the sum of squared figure changes:
 *     for DAY families the number of figures a unit may add one to (its bound); for PERIOD families
 *     twice that, since one device-day can move a device's whole contribution from some figures to others
 */
public record FamilyCost(FigureFamily family, double squaredSensitivity, String bound) {

    public FamilyCost {
        if (!(squaredSensitivity > 0)) {
            throw new IllegalArgumentException("a family's sensitivity is positive, was " + squaredSensitivity);
        }
    }

    /** A family whose unit adds one to at most {@code figures} figures of one day. */
    public static FamilyCost perDay(FigureFamily family, int figures, String bound) {
        require(family, FigureFamily.Scope.DAY);
        return new FamilyCost(family, figures, bound);
    }

    /**
     * A family of period figures to which one device adds one to at most {@code figures} figures; a
     * device-day can move all of them, so the sensitivity is twice that.
     */
    public static FamilyCost perPeriod(FigureFamily family, int figures, String bound) {
        require(family, FigureFamily.Scope.PERIOD);
        return new FamilyCost(family, 2.0 * figures, bound);
    }

    private static void require(FigureFamily family, FigureFamily.Scope scope) {
        if (family.scope() != scope) {
            throw new IllegalArgumentException(family + " is a " + family.scope() + " family");
        }
    }
}
