package io.crowdlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.homework.HandBuiltDrop;
import io.crowdlens.pipeline.presence.PresenceCount;
import io.crowdlens.pipeline.protect.FamilyCost;
import io.crowdlens.pipeline.protect.NoisePlan;
import io.crowdlens.pipeline.protect.Noised;
import io.crowdlens.pipeline.protect.Protection;
import io.crowdlens.pipeline.protect.PublicGrid;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.privacy.PrivacySettings;
import io.crowdlens.privacy.noise.DiscreteGaussian;
import io.crowdlens.privacy.noise.RandomSource;
import io.crowdlens.privacy.noise.ZeroConcentratedDp;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/privacy.md, rule 6, as a statistical attack: a partner keeps the release made before a device
 * opted out and compares it with the re-publication made without the device. The re-publication has
 * fresh noise and does not depend on the device at all, so everything the partner can learn about the
 * device is what the first release tells apart between "the device was in it" and "it was not". This
 * test aggregates those two worlds once each (on the real pipeline, with the default contribution
 * bounds), then resamples only the noise, through the pipeline's own {@link Protection}, 40,000 times
 * per world, and runs the best attacker there is: a likelihood-ratio test that knows every other
 * device's data. Its true-positive rate at each false-positive rate must lie on the trade-off curve the
 * accountant predicts for that device's cost (a Gaussian curve with mu = sqrt(2 rho)); two-sided, so a
 * leak (noise smaller than recorded, a bound not enforced) and needless over-noising both fail.
 *
 * <p>The device belongs to a crowd of 100 that moves with it, so every figure it is in counts about a
 * hundred devices and the display threshold never hides one: the attacker sees every figure the device
 * changes. It is seen in every hour of the day, and in two districts in each working hour: 33 area-hours,
 * above the bound of 24 area-hours per day and layer, so the bound binds and the test also shows the cost
 * stays within what the release records per privacy unit.
 */
class OptOutDifferencingIsBoundedTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 20);
    static final int TRIALS = 40_000;
    static final int K = 15;
    static final double[] FALSE_POSITIVE_RATES = {0.01, 0.05, 0.1, 0.25, 0.5};

    @TempDir
    Path temp;

    @Test
    void theBestAttackOnAReleaseAndItsRepublicationAfterAnOptOutSucceedsExactlyAsOftenAsTheAccountantPredicts() {
        HandBuiltDrop drop = HandBuiltDrop.threeDistricts(DAY, DAY);
        for (int i = 0; i <= 100; i++) {
            String device = i == 0 ? "target" : "crowd" + i;
            for (int hour = 0; hour <= 23; hour++) {
                // at home in district A all day, and also in B in each working hour: 24 + 9 area-hours
                drop.event(device, "a", DAY.atTime(hour, 20));
                if (hour >= 9 && hour <= 17) {
                    drop.event(device, "b", DAY.atTime(hour, 40));
                }
            }
        }
        Map<PresenceCount.Key, Long> withTarget = counts(drop, "with");
        Map<PresenceCount.Key, Long> withoutTarget = counts(drop.optOut("target"), "without");

        Set<PresenceCount.Key> changed = new HashSet<>(withTarget.keySet());
        changed.addAll(withoutTarget.keySet());
        changed.removeIf(key -> withTarget.getOrDefault(key, 0L).equals(withoutTarget.getOrDefault(key, 0L)));
        List<PresenceCount.Key> hourly = changed.stream().filter(k -> k.hourOfDay() != null).toList();
        List<PresenceCount.Key> daily = changed.stream().filter(k -> k.hourOfDay() == null).toList();
        // the bound keeps the earliest area-hours in each of the 2 layers; 2 areas a day in each layer
        assertThat(hourly).hasSize(2 * PrivacySettings.Bounds.defaults().presenceAreaHoursPerDay());
        assertThat(daily).hasSize(2 * 2);
        assertThat(changed).allSatisfy(key -> assertThat(withTarget.get(key) - withoutTarget.get(key)).isOne());
        assertThat(changed).allSatisfy(key -> assertThat(withoutTarget.get(key)).isGreaterThanOrEqualTo(100));

        PrivacySettings.Noise noise = PrivacySettings.Noise.defaults();
        double sigmaHourly = noise.sigmaOf(FigureFamily.PRESENCE_HOURLY).doubleValue();
        double sigmaDaily = noise.sigmaOf(FigureFamily.PRESENCE_DAILY).doubleValue();
        double deviceRho = ZeroConcentratedDp.rhoOfGaussian(hourly.size(), sigmaHourly)
                + ZeroConcentratedDp.rhoOfGaussian(daily.size(), sigmaDaily);
        PrivacySettings.Bounds bounds = PrivacySettings.Bounds.defaults();
        double recordedPerUnit = ZeroConcentratedDp.rhoOfGaussian(2.0 * bounds.presenceAreaHoursPerDay(), sigmaHourly)
                + ZeroConcentratedDp.rhoOfGaussian(2.0 * bounds.presenceAreasPerDay(), sigmaDaily);
        assertThat(deviceRho).as("the device's cost is within what the release records per privacy unit")
                .isLessThanOrEqualTo(recordedPerUnit);
        double mu = ZeroConcentratedDp.gaussianDpMu(deviceRho);

        double[] nullScores = scores(hourly, daily, withTarget, withoutTarget, withoutTarget, 1);
        double[] altScores = scores(hourly, daily, withTarget, withoutTarget, withTarget, 2);
        Arrays.sort(nullScores);
        for (double fpr : FALSE_POSITIVE_RATES) {
            double threshold = nullScores[(int) Math.floor((1 - fpr) * TRIALS)];
            double tpr = Arrays.stream(altScores).filter(s -> s > threshold).count() / (double) TRIALS;
            double predicted = ZeroConcentratedDp.truePositiveRateBound(fpr, mu);
            // 5 standard errors of the estimate: the TPR's own (binomial) and the threshold's (a quantile of TRIALS
            // draws, moving the TPR by the curve's slope at that point)
            double z = ZeroConcentratedDp.inversePhi(fpr);
            double slope = Math.exp(-mu * z - mu * mu / 2);
            double tolerance = 5 * Math.sqrt(predicted * (1 - predicted) / TRIALS
                    + slope * slope * fpr * (1 - fpr) / TRIALS);
            assertThat(tpr).as("true-positive rate at a false-positive rate of %s (mu %.3f)", fpr, mu)
                    .isCloseTo(predicted, within(tolerance));
        }
    }

    /**
     * The attacker's log-likelihood ratio "the device was in" against "it was not", for TRIALS releases of the
     * changed figures drawn from {@code world} (fresh noise each time, the pipeline's threshold at k).
     */
    private static double[] scores(List<PresenceCount.Key> hourly, List<PresenceCount.Key> daily,
            Map<PresenceCount.Key, Long> in, Map<PresenceCount.Key, Long> out, Map<PresenceCount.Key, Long> world,
            long seed) {
        Protection protection = new Protection(K, 1, NoisePlan.of(PrivacySettings.Noise.defaults()),
                RandomSource.seeded(seed));
        FamilyCost hourCost = FamilyCost.perDay(FigureFamily.PRESENCE_HOURLY,
                2 * PrivacySettings.Bounds.defaults().presenceAreaHoursPerDay(), "test");
        FamilyCost dayCost = FamilyCost.perDay(FigureFamily.PRESENCE_DAILY,
                2 * PrivacySettings.Bounds.defaults().presenceAreasPerDay(), "test");
        DiscreteGaussian hourNoise = DiscreteGaussian.withSigma(PrivacySettings.Noise.defaults()
                .sigmaOf(FigureFamily.PRESENCE_HOURLY));
        DiscreteGaussian dayNoise = DiscreteGaussian.withSigma(PrivacySettings.Noise.defaults()
                .sigmaOf(FigureFamily.PRESENCE_DAILY));
        Map<PresenceCount.Key, Long> truth = new HashMap<>();
        hourly.forEach(key -> truth.put(key, world.get(key)));
        daily.forEach(key -> truth.put(key, world.get(key)));
        double[] scores = new double[TRIALS];
        for (int trial = 0; trial < TRIALS; trial++) {
            Noised<PresenceCount.Key> hours = protection.noise(hourCost, grid(hourly), only(truth, hourly));
            Noised<PresenceCount.Key> days = protection.noise(dayCost, grid(daily), only(truth, daily));
            scores[trial] = logLikelihoodRatio(hours, hourly, in, out, hourNoise)
                    + logLikelihoodRatio(days, daily, in, out, dayNoise);
        }
        return scores;
    }

    /** Exact, with the discrete Gaussian's own mass: a figure not stored contributes P(value below k). */
    private static double logLikelihoodRatio(Noised<PresenceCount.Key> release, List<PresenceCount.Key> keys,
            Map<PresenceCount.Key, Long> in, Map<PresenceCount.Key, Long> out, DiscreteGaussian noise) {
        Map<PresenceCount.Key, Long> stored = new HashMap<>();
        release.stored().forEach(cell -> stored.put(cell.key(), cell.value()));
        double sigmaSquared = noise.sigma().doubleValue() * noise.sigma().doubleValue();
        double ratio = 0;
        for (PresenceCount.Key key : keys) {
            long a = in.get(key);
            long b = out.get(key);
            Long x = stored.get(key);
            if (x != null) {
                ratio += ((double) (x - b) * (x - b) - (double) (x - a) * (x - a)) / (2 * sigmaSquared);
            } else {
                ratio += Math.log(belowK(noise, a) / belowK(noise, b));
            }
        }
        return ratio;
    }

    private static double belowK(DiscreteGaussian noise, long truth) {
        double mass = 0;
        for (long x = K - 1; x >= K - 1 - 200; x--) {
            mass += noise.pmf(x - truth);
        }
        return Math.max(mass, Double.MIN_NORMAL);
    }

    private static PublicGrid<PresenceCount.Key> grid(List<PresenceCount.Key> keys) {
        return cell -> keys.forEach(cell::accept);
    }

    private static Map<PresenceCount.Key, Long> only(Map<PresenceCount.Key, Long> truth, List<PresenceCount.Key> keys) {
        Map<PresenceCount.Key, Long> part = new HashMap<>();
        keys.forEach(key -> part.put(key, truth.get(key)));
        return part;
    }

    private Map<PresenceCount.Key, Long> counts(HandBuiltDrop drop, String world) {
        Path directory = drop.writeTo(temp.resolve(world));
        Map<PresenceCount.Key, Long> counts = new HashMap<>();
        for (PresenceCount count : EngineHarness.aggregate(EngineKind.DUCKDB, directory, temp.resolve(world + "-out"))
                .presence()) {
            counts.put(count.key(), count.devices());
        }
        return counts;
    }
}
