package io.crowdlens.privacy.noise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * Pearson's chi-square goodness of fit, with critical values computed from the chi-square
 * distribution, not looked up or tuned. Every statistical check of this package uses the one
 * significance level below and a fixed seed: it is repeatable, and the level says how often a
 * correct sampler would fail it by bad luck.
 */
final class ChiSquare {

    /** The significance level of every goodness-of-fit and tolerance check in these tests. */
    static final double SIGNIFICANCE = 1e-4;

    /** Each bin expects at least this many draws, so the statistic is close to chi-square. */
    static final double MINIMUM_EXPECTED = 20;

    private ChiSquare() {
    }

    /**
     * P(chi^2_k &gt; x) in closed form (Abramowitz and Stegun 26.4.4, 26.4.5), its terms added in
     * logarithms so that thousands of degrees of freedom neither underflow nor overflow. Even k:
     * exp(-x/2) sum_{j &lt; k/2} (x/2)^j / j!. Odd k, with r = sqrt(x):
     * 2 (1 - Phi(r)) + 2 phi(r) (r + r^3/3 + r^5/(3*5) + ... + r^(k-2)/(1*3*...*(k-2))).
     */
    static double survival(double x, int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1");
        }
        if (x <= 0) {
            return 1;
        }
        List<Double> logTerms = new ArrayList<>();
        double tail = 0;
        if (degreesOfFreedom % 2 == 0) {
            double logTerm = -x / 2;
            logTerms.add(logTerm);
            for (int j = 1; j < degreesOfFreedom / 2; j++) {
                logTerm += Math.log(x / 2) - Math.log(j);
                logTerms.add(logTerm);
            }
        } else {
            double root = Math.sqrt(x);
            tail = 2 * ZeroConcentratedDp.phi(-root);
            double logTerm = Math.log(2) - x / 2 - 0.5 * Math.log(2 * Math.PI) + Math.log(root);
            for (int odd = 1; odd <= degreesOfFreedom - 2; odd += 2) {
                if (odd > 1) {
                    logTerm += Math.log(x) - Math.log(odd);
                }
                logTerms.add(logTerm);
            }
        }
        double largest = logTerms.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NEGATIVE_INFINITY);
        double scaled = logTerms.stream().mapToDouble(t -> Math.exp(t - largest)).sum();
        return Math.min(1, tail + (logTerms.isEmpty() ? 0 : Math.exp(largest + Math.log(scaled))));
    }

    /** The x with P(chi^2_k &gt; x) = significance, by bisection on {@link #survival}. */
    static double criticalValue(int degreesOfFreedom, double significance) {
        double low = 0;
        double high = degreesOfFreedom + 10;
        while (survival(high, degreesOfFreedom) > significance) {
            high *= 2;
        }
        for (int i = 0; i < 200; i++) {
            double middle = (low + high) / 2;
            if (survival(middle, degreesOfFreedom) > significance) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return high;
    }

    /** The two-sided standard normal quantile at {@link #SIGNIFICANCE}, about 3.89. */
    static double z() {
        return -ZeroConcentratedDp.inversePhi(SIGNIFICANCE / 2);
    }

    /**
     * Bins the integers from {@code from} to {@code to} into runs of consecutive values that each
     * expect at least {@link #MINIMUM_EXPECTED} draws; the outermost bins also take every draw
     * outside the range. The range must hold all of the mass but 1e-9 (checked: this also checks
     * that the pmf sums to 1).
     */
    static Fit fit(Map<Long, Long> counts, LongToDoubleFunction pmf, long from, long to) {
        long draws = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Long> starts = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        double mass = 0;
        double running = 0;
        long start = from;
        for (long x = from; x <= to; x++) {
            double p = pmf.applyAsDouble(x);
            mass += p;
            running += p * draws;
            if (running >= MINIMUM_EXPECTED) {
                starts.add(start);
                expected.add(running);
                start = x + 1;
                running = 0;
            }
        }
        if (Math.abs(mass - 1) > 1e-9) {
            throw new IllegalStateException("the pmf sums to " + mass + " over [" + from + ", " + to + "], not 1");
        }
        if (starts.size() < 2) {
            throw new IllegalArgumentException("too few draws for two bins of " + MINIMUM_EXPECTED);
        }
        expected.set(expected.size() - 1, expected.getLast() + running); // a thin last stretch joins the bin before it
        long[] binStarts = starts.stream().mapToLong(Long::longValue).toArray();
        double[] observed = new double[binStarts.length];
        for (Map.Entry<Long, Long> entry : counts.entrySet()) {
            int index = Arrays.binarySearch(binStarts, entry.getKey());
            int bin = index >= 0 ? index : Math.max(0, -index - 2);
            observed[bin] += entry.getValue();
        }
        return new Fit(observed, expected.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Observed and expected counts per bin. */
    record Fit(double[] observed, double[] expected) {

        double statistic() {
            double sum = 0;
            for (int i = 0; i < observed.length; i++) {
                double difference = observed[i] - expected[i];
                sum += difference * difference / expected[i];
            }
            return sum;
        }

        int degreesOfFreedom() {
            return observed.length - 1;
        }

        double criticalValue() {
            return ChiSquare.criticalValue(degreesOfFreedom(), SIGNIFICANCE);
        }

        boolean fits() {
            return statistic() <= criticalValue();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "chi-square %.1f on %d degrees of freedom, critical value %.1f at %s",
                    statistic(), degreesOfFreedom(), criticalValue(), SIGNIFICANCE);
        }
    }
}
