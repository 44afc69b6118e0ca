package io.crowdlens.privacy.noise;

import java.math.BigInteger;

/**
 * Bernoulli trials with exactly rational or exp(-rational) success probabilities, from uniform
 * integers alone (Canonne, Kamath, Steinke 2020, "The Discrete Gaussian for Differential Privacy",
 * Algorithm 1). Every product is checked: where long arithmetic would overflow, the same step is
 * done with BigInteger, so the result never depends on the size of the numbers.
 */
final class ExactBernoulli {

    private ExactBernoulli() {
    }

    /** True with probability numerator / denominator, for 0 &lt;= numerator &lt;= denominator. */
    static boolean withProbability(long numerator, long denominator, RandomSource random) {
        return random.nextLong(denominator) < numerator;
    }

    static boolean withProbability(BigInteger numerator, BigInteger denominator, RandomSource random) {
        if (denominator.bitLength() < Long.SIZE) {
            return withProbability(numerator.longValue(), denominator.longValue(), random);
        }
        return uniformBelow(denominator, random).compareTo(numerator) < 0;
    }

    /**
     * True with probability exp(-numerator / denominator), numerator &gt;= 0, denominator &gt;= 1.
     * For gamma = numerator / denominator &gt; 1 it is the product of floor(gamma) trials of exp(-1)
     * and one of exp(-(gamma - floor(gamma))), stopping at the first failure.
     */
    static boolean ofExpMinus(long numerator, long denominator, RandomSource random) {
        long whole = numerator / denominator;
        for (long i = 0; i < whole; i++) {
            if (!ofExpMinusAtMostOne(1, 1, random)) {
                return false;
            }
        }
        return ofExpMinusAtMostOne(numerator % denominator, denominator, random);
    }

    /**
     * The same trial in BigInteger arithmetic, for numbers a long cannot hold. For numbers that fit
     * it makes exactly the same draws as the long version, so the two agree draw for draw.
     */
    static boolean ofExpMinus(BigInteger numerator, BigInteger denominator, RandomSource random) {
        BigInteger[] wholeAndRest = numerator.divideAndRemainder(denominator);
        for (BigInteger i = BigInteger.ZERO; i.compareTo(wholeAndRest[0]) < 0; i = i.add(BigInteger.ONE)) {
            if (!ofExpMinusAtMostOne(1, 1, random)) {
                return false;
            }
        }
        return ofExpMinusAtMostOneBig(wholeAndRest[1], denominator, random);
    }

    /**
     * exp(-gamma) for gamma = n / d in [0, 1]: draw A_k ~ Bernoulli(gamma / k) for k = 1, 2, ...
     * until one fails; succeed if it was the k-th with k odd. P(first failure at k) =
     * gamma^(k-1)/(k-1)! - gamma^k/k!, whose sum over odd k is the series of exp(-gamma).
     */
    private static boolean ofExpMinusAtMostOne(long n, long d, RandomSource random) {
        if (n == 0) {
            return true;
        }
        long k = 1;
        while (trialOfGammaOverK(n, d, k, random)) {
            k++;
        }
        return (k & 1) == 1;
    }

    /** Bernoulli(n / (d k)); d k is done in BigInteger only when it overflows a long. */
    private static boolean trialOfGammaOverK(long n, long d, long k, RandomSource random) {
        if (k <= Long.MAX_VALUE / d) {
            return random.nextLong(d * k) < n;
        }
        BigInteger bound = BigInteger.valueOf(d).multiply(BigInteger.valueOf(k));
        return uniformBelow(bound, random).compareTo(BigInteger.valueOf(n)) < 0;
    }

    private static boolean ofExpMinusAtMostOneBig(BigInteger n, BigInteger d, RandomSource random) {
        if (n.signum() == 0) {
            return true;
        }
        BigInteger k = BigInteger.ONE;
        while (withProbability(n, d.multiply(k), random)) {
            k = k.add(BigInteger.ONE);
        }
        return k.testBit(0);
    }

    /** Uniform in [0, bound) for any bound &gt;= 1: uniform bits of the bound's length, rejected until below it. */
    static BigInteger uniformBelow(BigInteger bound, RandomSource random) {
        int bits = bound.bitLength();
        while (true) {
            BigInteger candidate = BigInteger.ZERO;
            for (int remaining = bits; remaining > 0; ) {
                int chunk = Math.min(62, remaining);
                candidate = candidate.shiftLeft(chunk).or(BigInteger.valueOf(random.nextLong(1L << chunk)));
                remaining -= chunk;
            }
            if (candidate.compareTo(bound) < 0) {
                return candidate;
            }
        }
    }
}
