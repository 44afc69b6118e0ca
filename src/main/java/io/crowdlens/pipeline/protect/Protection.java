package io.crowdlens.pipeline.protect;

import io.crowdlens.privacy.PrivacySettings;
import io.crowdlens.privacy.noise.DiscreteGaussian;
import io.crowdlens.privacy.noise.RandomSource;
import io.crowdlens.privacy.noise.ZeroConcentratedDp;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The protect step (docs/privacy.md): every figure of a family's public grid gets calibrated noise
 * once, here, and is stored only when its noisy value reaches k. The threshold is applied to the
 * noisy value, never to the true one (a decision on the true count would leak through the decision).
 * A figure below k is not stored at all, so nothing downstream can tell it from an empty cell.
 * Optionally rounds stored figures to a multiple of {@code rounding} (never below k).
 *
 * <p>Products know nothing of k or noise; they hand their true counts and their grid to
 * {@link #noise}, and only its output reaches the serving database.
 */
public final class Protection {

    private final int minimumCrowd;
    private final int rounding;
    private final NoisePlan plan;
    private final RandomSource random;

    public Protection(int minimumCrowd, int rounding, NoisePlan plan, RandomSource random) {
        if (minimumCrowd < PrivacySettings.HARD_FLOOR) {
            throw new IllegalArgumentException("k = " + minimumCrowd + " is below the hard floor of "
                    + PrivacySettings.HARD_FLOOR + " devices");
        }
        if (rounding < 1) {
            throw new IllegalArgumentException("rounding must be 1 (none) or a positive base such as 5, was " + rounding);
        }
        this.minimumCrowd = minimumCrowd;
        this.rounding = rounding;
        this.plan = plan;
        this.random = random;
    }

    /** Exact figures at k (tests that compare with hand counts, and tools). */
    public static Protection exact(int minimumCrowd, int rounding) {
        return new Protection(minimumCrowd, rounding, NoisePlan.none("exact figures for comparison with hand counts"),
                RandomSource.secure());
    }

    public int minimumCrowd() {
        return minimumCrowd;
    }

    public int rounding() {
        return rounding;
    }

    public NoisePlan plan() {
        return plan;
    }

    /** The same k, rounding and random source with other noise. */
    public Protection withPlan(NoisePlan other) {
        return new Protection(minimumCrowd, rounding, other, random);
    }

    /**
     * Noises every cell of {@code grid} (the true count, or 0 where {@code trueCounts} has none) and keeps
     * those whose noisy value reaches k. Every true count must belong to the grid: a figure outside it
     * would be a bug that publishes something the grid does not account for.
     */
    public <K> Noised<K> noise(FamilyCost cost, PublicGrid<K> grid, Map<K, Long> trueCounts) {
        Optional<DiscreteGaussian> mechanism = plan.mechanism(cost.family());
        List<Noised.Cell<K>> stored = new ArrayList<>();
        long[] cells = {0};
        long[] matched = {0};
        grid.forEachCell(key -> {
            cells[0]++;
            Long truth = trueCounts.get(key);
            if (truth != null) {
                matched[0]++;
            }
            long value = (truth == null ? 0 : truth) + mechanism.map(m -> m.sample(random)).orElse(0L);
            if (value >= minimumCrowd) {
                stored.add(new Noised.Cell<>(key, rounded(value)));
            }
        });
        if (matched[0] != trueCounts.size()) {
            throw new IllegalStateException(cost.family() + ": " + (trueCounts.size() - matched[0])
                    + " counted figures lie outside the public grid of " + cells[0] + " figures");
        }
        return new Noised<>(List.copyOf(stored), record(cost, mechanism, cells[0], stored.size()));
    }

    private static NoiseRecord record(FamilyCost cost, Optional<DiscreteGaussian> mechanism, long cells, long stored) {
        if (mechanism.isEmpty()) {
            return new NoiseRecord(cost.family(), BigDecimal.ZERO, 0, 0, cost.bound(), cost.squaredSensitivity(), 0,
                    cells, stored);
        }
        DiscreteGaussian m = mechanism.get();
        double rho = ZeroConcentratedDp.rhoOfDiscreteGaussian(cost.squaredSensitivity(), m.sigma(),
                (int) Math.min(Integer.MAX_VALUE, cells));
        return new NoiseRecord(cost.family(), m.sigma(), m.variance(), m.margin95(), cost.bound(),
                cost.squaredSensitivity(), rho, cells, stored);
    }

    /** The figure stored for a noisy value that reached k. */
    long rounded(long value) {
        if (rounding == 1) {
            return value;
        }
        long nearest = (value + rounding / 2) / rounding * rounding;
        long smallestShownAtOrAboveK = (minimumCrowd + rounding - 1) / rounding * rounding;
        return Math.max(nearest, smallestShownAtOrAboveK);
    }

    /** The cost this plan gives a family, before anything is counted (for the accountant's checks). */
    public double rhoOf(FamilyCost cost) {
        return plan.mechanism(cost.family())
                .map(m -> ZeroConcentratedDp.rhoOfDiscreteGaussian(cost.squaredSensitivity(), m.sigma(), 1))
                .orElse(0.0);
    }
}
