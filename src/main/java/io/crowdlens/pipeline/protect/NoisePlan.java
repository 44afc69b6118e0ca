package io.crowdlens.pipeline.protect;

import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.privacy.PrivacySettings;
import io.crowdlens.privacy.noise.DiscreteGaussian;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The noise a run adds: a discrete Gaussian per figure family, or none (exact figures, a stated decision). */
public final class NoisePlan {

    private final Map<FigureFamily, DiscreteGaussian> mechanisms;
    private final String withoutNoiseReason;

    private NoisePlan(Map<FigureFamily, DiscreteGaussian> mechanisms, String withoutNoiseReason) {
        this.mechanisms = mechanisms;
        this.withoutNoiseReason = withoutNoiseReason;
    }

    public static NoisePlan of(PrivacySettings.Noise noise) {
        if (!noise.enabled()) {
            return none(noise.disabledReason());
        }
        Map<FigureFamily, DiscreteGaussian> mechanisms = new EnumMap<>(FigureFamily.class);
        noise.allSigmas().forEach((family, sigma) -> mechanisms.put(family, DiscreteGaussian.withSigma(sigma)));
        return new NoisePlan(mechanisms, null);
    }

    /**
     * The same plan with every sigma multiplied by {@code factor} (at least 1), rounded up to four
     * decimals so that the cost never exceeds what the factor was computed for.
     */
    public NoisePlan scaled(double factor) {
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("noise is only ever scaled up, not by " + factor);
        }
        Map<FigureFamily, DiscreteGaussian> scaled = new EnumMap<>(FigureFamily.class);
        mechanisms.forEach((family, mechanism) -> scaled.put(family, DiscreteGaussian.withSigma(
                mechanism.sigma().multiply(BigDecimal.valueOf(factor)).setScale(4, RoundingMode.CEILING))));
        return new NoisePlan(scaled, withoutNoiseReason);
    }

    public static NoisePlan none(String reason) {
        return new NoisePlan(Map.of(), reason);
    }

    public boolean noisy() {
        return withoutNoiseReason == null;
    }

    /** Why this run publishes exact figures (empty when it adds noise). */
    public Optional<String> withoutNoiseReason() {
        return Optional.ofNullable(withoutNoiseReason);
    }

    /** The family's mechanism; empty without noise. */
    public Optional<DiscreteGaussian> mechanism(FigureFamily family) {
        if (!noisy()) {
            return Optional.empty();
        }
        DiscreteGaussian mechanism = mechanisms.get(family);
        if (mechanism == null) {
            throw new IllegalStateException("no noise configured for " + family);
        }
        return Optional.of(mechanism);
    }
}
