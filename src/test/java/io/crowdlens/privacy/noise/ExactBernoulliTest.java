package io.crowdlens.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExactBernoulliTest {

    private static final int TRIALS = 200_000;

    @Test
    void expMinusGammaSucceedsAsOftenAsExpMinusGammaForRationalGamma() {
        long[][] gammas = {{1, 3}, {1, 1}, {5, 4}, {7, 2}, {1, 1000}, {22, 7}};
        for (long[] gamma : gammas) {
            RandomSource random = RandomSource.seeded(gamma[0] * 1000 + gamma[1]);
            int successes = 0;
            for (int i = 0; i < TRIALS; i++) {
                successes += ExactBernoulli.ofExpMinus(gamma[0], gamma[1], random) ? 1 : 0;
            }
            assertWithinBinomialTolerance(successes, Math.exp(-(double) gamma[0] / gamma[1]),
                    "exp(-" + gamma[0] + "/" + gamma[1] + ")");
        }
    }

    @Test
    void expMinusZeroAlwaysSucceeds() {
        RandomSource random = RandomSource.seeded(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(ExactBernoulli.ofExpMinus(0, 7, random)).isTrue();
        }
    }

    @Test
    void rationalProbabilitiesAreHitExactly() {
        RandomSource random = RandomSource.seeded(3);
        for (long[] p : new long[][] {{1, 3}, {7, 10}, {999, 1000}}) {
            int successes = 0;
            for (int i = 0; i < TRIALS; i++) {
                successes += ExactBernoulli.withProbability(p[0], p[1], random) ? 1 : 0;
            }
            assertWithinBinomialTolerance(successes, (double) p[0] / p[1], p[0] + "/" + p[1]);
        }
    }

    @Test
    void bigIntegerArithmeticMakesTheSameDrawsAsLongArithmetic() {
        RandomSource forLongs = RandomSource.seeded(11);
        RandomSource forBigIntegers = RandomSource.seeded(11);
        long[][] gammas = {{1, 3}, {5, 4}, {7, 2}, {123_456_789, 1_000_000_007}, {3, 1}};
        for (int i = 0; i < 20_000; i++) {
            long[] gamma = gammas[i % gammas.length];
            boolean withLongs = ExactBernoulli.ofExpMinus(gamma[0], gamma[1], forLongs);
            boolean withBigIntegers = ExactBernoulli.ofExpMinus(BigInteger.valueOf(gamma[0]), BigInteger.valueOf(gamma[1]),
                    forBigIntegers);
            assertThat(withBigIntegers).as("trial %d", i).isEqualTo(withLongs);
        }
        assertThat(forLongs.nextLong(Long.MAX_VALUE)).isEqualTo(forBigIntegers.nextLong(Long.MAX_VALUE));
    }

    @Test
    void gammaBeyondLongArithmeticIsStillExact() {
        // gamma = 5e25 / 4e25 = 5/4, as a fraction a long cannot hold.
        BigInteger numerator = BigInteger.TEN.pow(25).multiply(BigInteger.valueOf(5));
        BigInteger denominator = BigInteger.TEN.pow(25).multiply(BigInteger.valueOf(4));
        RandomSource random = RandomSource.seeded(25);
        int successes = 0;
        for (int i = 0; i < TRIALS; i++) {
            successes += ExactBernoulli.ofExpMinus(numerator, denominator, random) ? 1 : 0;
        }
        assertWithinBinomialTolerance(successes, Math.exp(-1.25), "exp(-5e25/4e25)");
    }

    @Test
    void uniformBelowAHugeBoundIsUniform() {
        BigInteger bound = BigInteger.valueOf(3).shiftLeft(100);
        RandomSource random = RandomSource.seeded(100);
        Map<Long, Long> counts = new HashMap<>();
        for (int i = 0; i < TRIALS; i++) {
            BigInteger value = ExactBernoulli.uniformBelow(bound, random);
            assertThat(value.signum() >= 0 && value.compareTo(bound) < 0).isTrue();
            counts.merge(value.shiftRight(94).longValueExact(), 1L, Long::sum); // 192 equal bins
        }
        ChiSquare.Fit fit = ChiSquare.fit(counts, x -> x >= 0 && x < 192 ? 1.0 / 192 : 0, 0, 191);
        assertThat(fit.fits()).as(fit.toString()).isTrue();
    }

    /** |successes - n p| &lt;= z sqrt(n p (1 - p)), z the two-sided normal quantile at the tests' significance level. */
    private static void assertWithinBinomialTolerance(int successes, double p, String what) {
        double expected = TRIALS * p;
        double tolerance = ChiSquare.z() * Math.sqrt(TRIALS * p * (1 - p));
        assertThat((double) successes).as("%s: %d successes in %d", what, successes, TRIALS)
                .isBetween(expected - tolerance, expected + tolerance);
    }
}
