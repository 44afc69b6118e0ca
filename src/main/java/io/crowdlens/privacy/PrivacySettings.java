package io.crowdlens.privacy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deployment's privacy parameters (docs/privacy.md): the minimum crowd k, the noise every
 * published figure carries, the bounds on each device's contribution that make the noise's
 * sensitivity true, and the budget a release and a period may spend. Refuses to start below the
 * hard floor of k, with noise off unless a reason is given, or with a ceiling so high that noise
 * could be negligible.
 *
 * @param minimumCrowd k: the display threshold every published figure reaches (applied to the noisy value)
 * @param optOutGrace how long a served release stays served after an opt-out list it does not honour
 *     arrives: the operator's time to re-publish; after it, partners see nothing for that dataset until
 *     a release honouring the list is published
 */
@ConfigurationProperties("crowdlens.privacy")
public record PrivacySettings(
        @DefaultValue("15") int minimumCrowd,
        @DefaultValue Noise noise,
        @DefaultValue Bounds bounds,
        @DefaultValue Budget budget,
        @DefaultValue("7d") Duration optOutGrace) {

    public static final int HARD_FLOOR = 10;

    /** No ceiling may allow more than this per privacy unit and release: noise on must mean noise. */
    public static final double HIGHEST_ALLOWED_CEILING = 10.0;

    @ConstructorBinding
    public PrivacySettings {
        if (minimumCrowd < HARD_FLOOR) {
            throw new IllegalArgumentException("crowdlens.privacy.minimum-crowd is " + minimumCrowd
                    + " but may never be below the hard floor of " + HARD_FLOOR);
        }
        noise = noise == null ? Noise.defaults() : noise;
        bounds = bounds == null ? Bounds.defaults() : bounds;
        budget = budget == null ? Budget.defaults() : budget;
        optOutGrace = optOutGrace == null ? Duration.ofDays(7) : optOutGrace;
        if (optOutGrace.isNegative() || optOutGrace.compareTo(Duration.ofDays(31)) > 0) {
            throw new IllegalArgumentException("crowdlens.privacy.opt-out-grace is " + optOutGrace
                    + " but must lie between 0 and 31 days: an opt-out is honoured within a month at the latest");
        }
    }

    /** The deployment's defaults with another k (tests, tools). */
    public PrivacySettings(int minimumCrowd) {
        this(minimumCrowd, Noise.defaults(), Bounds.defaults(), Budget.defaults(), Duration.ofDays(7));
    }

    /** A licence may raise k for its partner, never lower it. */
    public int effectiveFor(Integer licenceMinimum) {
        return licenceMinimum == null ? minimumCrowd : Math.max(minimumCrowd, licenceMinimum);
    }

    /**
     * The noise on published figures: a discrete Gaussian with standard deviation {@code sigma} on every
     * family unless {@code sigmas} names another for it.
     *
     * @param enabled false publishes exact figures: allowed only with {@code disabledReason}, logged at
     *     every start and run, and said wherever such a release's figures are shown
     */
    public record Noise(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("") String disabledReason,
            @DefaultValue("5") BigDecimal sigma,
            Map<FigureFamily, BigDecimal> sigmas) {

        public Noise {
            sigmas = sigmas == null ? Map.of() : Map.copyOf(sigmas);
            if (!enabled && (disabledReason == null || disabledReason.isBlank())) {
                throw new IllegalArgumentException("crowdlens.privacy.noise.enabled=false needs"
                        + " crowdlens.privacy.noise.disabled-reason: publishing exact figures must be a stated decision");
            }
            requirePositive("crowdlens.privacy.noise.sigma", sigma);
            sigmas.forEach((family, value) -> requirePositive("crowdlens.privacy.noise.sigmas." + family, value));
        }

        public static Noise defaults() {
            return new Noise(true, "", new BigDecimal("5"), Map.of());
        }

        /** Exact figures, for tests and tools that must compare with hand counts. */
        public static Noise off(String reason) {
            return new Noise(false, reason, new BigDecimal("5"), Map.of());
        }

        public BigDecimal sigmaOf(FigureFamily family) {
            return sigmas.getOrDefault(family, sigma);
        }

        /** Every family's sigma. */
        public Map<FigureFamily, BigDecimal> allSigmas() {
            Map<FigureFamily, BigDecimal> all = new EnumMap<>(FigureFamily.class);
            for (FigureFamily family : FigureFamily.values()) {
                all.put(family, sigmaOf(family));
            }
            return all;
        }

        private static void requirePositive(String name, BigDecimal value) {
            if (value == null || value.signum() <= 0 || value.scale() > 4) {
                throw new IllegalArgumentException(name + " must be a positive number with at most 4 decimals, was "
                        + value);
            }
        }
    }

    /**
     * How much one device may contribute, per privacy unit (a device's figures of one local day) or per
     * period for the period-level figures. Contributions beyond a bound are left out, earliest first kept,
     * by the same rule on every engine (docs/privacy.md, "Contribution bounds").
     *
     * @param presenceAreaHoursPerDay area-hours per device, day and layer in hourly presence
     * @param presenceAreasPerDay areas per device, day and layer in daily presence
     * @param visitSiteHoursPerDay site-hours per device and day in hourly visitors
     * @param visitSitesPerDay sites per device and day in daily visitors and in visits by length of stay
     * @param loyaltySiteDaysPerPeriod site-days per device over the period in first-time/returning visitors
     * @param catchmentSitesPerPeriod sites per device over the period in the catchment
     * @param corridorPassesPerDay corridor passes per device and day
     */
    public record Bounds(
            @DefaultValue("24") int presenceAreaHoursPerDay,
            @DefaultValue("8") int presenceAreasPerDay,
            @DefaultValue("8") int visitSiteHoursPerDay,
            @DefaultValue("2") int visitSitesPerDay,
            @DefaultValue("10") int loyaltySiteDaysPerPeriod,
            @DefaultValue("3") int catchmentSitesPerPeriod,
            @DefaultValue("4") int corridorPassesPerDay) {

        public Bounds {
            for (int bound : new int[] {presenceAreaHoursPerDay, presenceAreasPerDay, visitSiteHoursPerDay,
                    visitSitesPerDay, loyaltySiteDaysPerPeriod, catchmentSitesPerPeriod, corridorPassesPerDay}) {
                if (bound < 1) {
                    throw new IllegalArgumentException("crowdlens.privacy.bounds.* must be at least 1, was " + bound);
                }
            }
        }

        public static Bounds defaults() {
            return new Bounds(24, 8, 8, 2, 10, 3, 4);
        }

        /** Bounds so high that no realistic drop reaches them: for exactness tests that compare with hand counts. */
        public static Bounds unbinding() {
            return new Bounds(10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000);
        }
    }

    /**
     * What noise may cost, in rho-zCDP per privacy unit.
     *
     * @param ceilingPerRelease most one run's releases may cost per unit (a run costing more is refused: noise too small)
     * @param periodCap most all releases covering one local day may cost per unit together (re-publications
     *     included), unless an operator raised it for that day
     * @param monthlyDeviceCap most all releases may cost one device over a calendar month
     * @param delta the delta of the (epsilon, delta) statement derived from rho, per privacy unit
     */
    public record Budget(
            @DefaultValue("2.0") double ceilingPerRelease,
            @DefaultValue("4.0") double periodCap,
            @DefaultValue("60.0") double monthlyDeviceCap,
            @DefaultValue("1e-9") double delta) {

        public Budget {
            if (!(ceilingPerRelease > 0) || ceilingPerRelease > HIGHEST_ALLOWED_CEILING) {
                throw new IllegalArgumentException("crowdlens.privacy.budget.ceiling-per-release must be above 0 and at most "
                        + HIGHEST_ALLOWED_CEILING + " (rho per privacy unit), was " + ceilingPerRelease);
            }
            if (!(periodCap >= ceilingPerRelease)) {
                throw new IllegalArgumentException("crowdlens.privacy.budget.period-cap (" + periodCap
                        + ") must be at least the ceiling per release (" + ceilingPerRelease + ")");
            }
            if (!(monthlyDeviceCap >= ceilingPerRelease)) {
                throw new IllegalArgumentException("crowdlens.privacy.budget.monthly-device-cap must be at least the"
                        + " ceiling per release, was " + monthlyDeviceCap);
            }
            if (!(delta > 0 && delta < 1e-3)) {
                throw new IllegalArgumentException("crowdlens.privacy.budget.delta must be in (0, 0.001), was " + delta);
            }
        }

        public static Budget defaults() {
            return new Budget(2.0, 4.0, 60.0, 1e-9);
        }
    }
}
