package io.crowdlens.release;

import io.crowdlens.privacy.FigureFamily;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The noise each figure family of one release carries (table release_noise): what a figure's margin is
 * computed from. A release published without noise, or before noise existed, has no families: its
 * figures are exact.
 */
public record ReleaseNoise(Map<FigureFamily, Family> families) {

    /**
     * @param variance exact variance of one stored figure's noise
     * @param margin95 exact half-width of its 95 % interval
     */
    public record Family(BigDecimal sigma, double variance, int margin95, String contributionBound, double rho) {
    }

    public ReleaseNoise {
        families = Map.copyOf(families);
    }

    public static ReleaseNoise none() {
        return new ReleaseNoise(Map.of());
    }

    /** The family's noise, or none (variance 0) when the release carries no noise for it. */
    public Family of(FigureFamily family) {
        return families.getOrDefault(family, new Family(BigDecimal.ZERO, 0, 0, "", 0));
    }
}
