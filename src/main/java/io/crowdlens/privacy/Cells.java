package io.crowdlens.privacy;

import io.crowdlens.common.Figure;

/**
 * How one partner sees the stored figures of one figure family of one release: each stored figure is
 * checked against the partner's own k BEFORE it enters any combination (docs/privacy.md, rule 3). A
 * figure below k counts exactly as a figure that was never stored (zero, no noise), so two
 * overlapping combinations differ only by figures the partner could have seen on their own. Every
 * combination is post-processing of the stored noisy figures: it costs no privacy and cannot average
 * the noise away, however often it is asked.
 *
 * <p>Margins: the noise of the figures used is independent, so a sum's variance is the sum of theirs
 * (a mean's is that over the number of parts squared), and the margin is 1.96 standard deviations; a
 * single figure's margin is the exact 95 % half-width of its discrete Gaussian. A combined figure is
 * checked against k again. A peak, and a figure whose margin reaches below k, are "approximate": the
 * highest of noisy figures leans high, and a figure near k was kept partly because its noise was up.
 *
 * @param k the partner's minimum crowd (at least the release's)
 * @param variance the variance of one stored figure's noise (0 without noise)
 * @param margin95 the exact 95 % half-width of one stored figure's noise
 */
public record Cells(int k, double variance, long margin95) {

    /** The two-sided 95 % quantile of the normal distribution, for margins of sums of independent noise. */
    static final double Z95 = 1.959963984540054;

    /** Whether a stored figure may be used by this partner (null: nothing stored, fewer than the release's k). */
    public boolean passes(Integer stored) {
        return stored != null && stored >= k;
    }

    public boolean passes(long stored) {
        return stored >= k;
    }

    /** One stored figure as this partner sees it. */
    public Figure single(Integer stored) {
        return passes(stored) ? sumOfPassing(stored, 1) : Figure.hidden();
    }

    /** A sum of stored figures (each checked against k as it is added). */
    public Combination sum() {
        return new Combination(this, Combination.Kind.SUM, 1);
    }

    /** A mean over {@code parts} figures, those below k (or missing) counting as zero. */
    public Combination mean(int parts) {
        return new Combination(this, Combination.Kind.MEAN, parts);
    }

    /** The highest stored figure that passes. */
    public Combination peak() {
        return new Combination(this, Combination.Kind.PEAK, 1);
    }

    /** The sum of {@code used} stored figures that passed k (summed elsewhere, e.g. in the database). */
    public Figure sumOfPassing(long sum, int used) {
        if (used == 0) {
            return Figure.hidden();
        }
        return checked(sum, used == 1 ? margin95 : Z95 * Math.sqrt(used * variance), false);
    }

    /** The mean over {@code parts} of {@code used} stored figures that passed k (the others count as zero). */
    public Figure meanOfPassing(long sum, int used, int parts) {
        if (used == 0 || parts == 0) {
            return Figure.hidden();
        }
        double margin = used == 1 ? margin95 / (double) parts : Z95 * Math.sqrt(used * variance) / parts;
        return checked(sum / (double) parts, margin, false);
    }

    /** The highest of {@code used} stored figures that passed k. */
    public Figure peakOfPassing(long peak, int used) {
        if (used == 0) {
            return Figure.hidden();
        }
        return checked(peak, margin95, variance > 0);
    }

    /** A combined figure below k is hidden too, however close: a mean of 14.7 is not shown as 15. */
    private Figure checked(double value, double margin, boolean approximate) {
        if (value < k) {
            return Figure.hidden();
        }
        return new Figure.Shown(value, margin, approximate || (variance > 0 && value - margin < k));
    }
}
