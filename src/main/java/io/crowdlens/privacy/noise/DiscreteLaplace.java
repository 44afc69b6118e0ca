package io.crowdlens.privacy.noise;

import java.math.BigInteger;

/**
 * The discrete Laplace distribution with scale t on the integers: P(x) = tanh(1/(2t)) exp(-|x|/t).
 * Sampled exactly with integers (Canonne, Kamath, Steinke 2020, "The Discrete Gaussian for
 * Differential Privacy", Algorithm 2); adding it to a count with L1 sensitivity Delta is
 * (Delta/t)-differentially private. Decision record: docs/decisions/019-discrete-noise-sampler.md.
 */
public final class DiscreteLaplace {

    /** t = scaleNumerator / scaleDenominator, in lowest terms. */
    private final long scaleNumerator;
    private final long scaleDenominator;

    private DiscreteLaplace(long scaleNumerator, long scaleDenominator) {
        this.scaleNumerator = scaleNumerator;
        this.scaleDenominator = scaleDenominator;
    }

    /**
     * @param numerator   t's numerator, at least 1
     * @param denominator t's denominator, at least 1
     */
    public static DiscreteLaplace withScale(long numerator, long denominator) {
        if (numerator < 1 || denominator < 1) {
            throw new IllegalArgumentException("the discrete Laplace scale must be a positive fraction, not "
                    + numerator + "/" + denominator);
        }
        long gcd = BigInteger.valueOf(numerator).gcd(BigInteger.valueOf(denominator)).longValueExact();
        return new DiscreteLaplace(numerator / gcd, denominator / gcd);
    }

    /** t as a decimal, for reports (the sampler uses the exact fraction). */
    public double scale() {
        return (double) scaleNumerator / scaleDenominator;
    }

    public long sample(RandomSource random) {
        return sample(scaleNumerator, scaleDenominator, PerThreadRandomSource.ofThisThread(random));
    }

    /**
     * One draw with scale t/s (CKS20 Algorithm 2). X = U + tV, with U uniform below t kept with
     * probability exp(-U/t) and V geometric (counting exp(-1) successes), is geometric with
     * P(X = x) proportional to exp(-x/t); Y = floor(X/s) is then geometric with ratio exp(-s/t); a
     * random sign, rejecting "minus zero" so that 0 is not counted twice, makes it two-sided.
     */
    static long sample(long t, long s, RandomSource random) {
        while (true) {
            long u = random.nextLong(t);
            if (!ExactBernoulli.ofExpMinus(u, t, random)) {
                continue;
            }
            long v = 0;
            while (ExactBernoulli.ofExpMinus(1, 1, random)) {
                v++;
            }
            long magnitude = magnitude(u, t, v, s);
            boolean negative = random.nextLong(2) == 1;
            if (negative && magnitude == 0) {
                continue;
            }
            return negative ? -magnitude : magnitude;
        }
    }

    /** floor((u + t v) / s), in BigInteger when t v overflows (the result itself always fits in practice). */
    private static long magnitude(long u, long t, long v, long s) {
        try {
            return Math.addExact(u, Math.multiplyExact(t, v)) / s;
        } catch (ArithmeticException overflow) {
            return BigInteger.valueOf(t).multiply(BigInteger.valueOf(v)).add(BigInteger.valueOf(u))
                    .divide(BigInteger.valueOf(s)).longValueExact();
        }
    }

    /** P(X = x) = tanh(1/(2t)) exp(-|x|/t), the normalised closed form. */
    public double pmf(long x) {
        double inverseScale = (double) scaleDenominator / scaleNumerator;
        return Math.tanh(inverseScale / 2) * Math.exp(-Math.abs((double) x) * inverseScale);
    }

    /** Var X = 2q/(1-q)^2 with q = exp(-1/t), written as 1 / (2 sinh^2(1/(2t))). */
    public double variance() {
        double sinh = Math.sinh((double) scaleDenominator / scaleNumerator / 2);
        return 1 / (2 * sinh * sinh);
    }

    @Override
    public String toString() {
        return "DiscreteLaplace[t=" + scaleNumerator + "/" + scaleDenominator + "]";
    }
}
