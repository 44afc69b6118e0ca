package io.crowdlens.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DiscreteGaussianTest {

    private static final int DRAWS = 200_000;
    private static final String[] SIGMAS = {"0.5", "1", "2.5", "10", "37.25"};

    @Test
    void drawsFitTheExactPmf() {
        for (String sigma : SIGMAS) {
            assertFitsItsPmf(sigma, Long.parseLong(sigma.replace(".", "")));
        }
    }

    /** sigma = 1000 runs in long arithmetic, 999.9999 (sigma^2 = 9999998000001/10^8) needs BigInteger. */
    @Test
    void largeSigmasAreExactInLongAndInBigIntegerArithmetic() {
        assertFitsItsPmf("1000", 1000);
        assertFitsItsPmf("999.9999", 9999999);
    }

    @Test
    void theFitSeesASigmaTwoPercentOff() {
        DiscreteGaussian drawn = DiscreteGaussian.withSigma(new BigDecimal("10.2"));
        DiscreteGaussian claimed = DiscreteGaussian.withSigma(new BigDecimal("10"));
        RandomSource random = RandomSource.seeded(102);
        Sampled sampled = Sampled.of(DRAWS, () -> drawn.sample(random));
        ChiSquare.Fit fit = ChiSquare.fit(sampled.counts(), claimed::pmf, -200, 200);
        assertThat(fit.fits()).as(fit.toString()).isFalse();
    }

    @Test
    void meanIsZeroAndSampleVarianceIsTheExactVarianceAndSignsAreSymmetric() {
        double z = ChiSquare.z();
        for (String sigma : SIGMAS) {
            DiscreteGaussian gaussian = DiscreteGaussian.withSigma(new BigDecimal(sigma));
            RandomSource random = RandomSource.seeded(7_000 + sigma.hashCode());
            Sampled sampled = Sampled.of(DRAWS, () -> gaussian.sample(random));
            double variance = gaussian.variance();
            assertThat(sampled.mean()).as("mean, sigma %s", sigma).isCloseTo(0, within(z * Math.sqrt(variance / DRAWS)));
            // The sample variance has variance ~ (mu4 - var^2) / n; mu4 summed from the pmf.
            double fourth = moment(gaussian, 4);
            assertThat(sampled.variance()).as("variance, sigma %s", sigma)
                    .isCloseTo(variance, within(z * Math.sqrt((fourth - variance * variance) / DRAWS)));
            // Given its sign is not 0, a draw is positive with probability 1/2.
            long signed = sampled.positives() + sampled.negatives();
            assertThat((double) sampled.positives()).as("positives, sigma %s", sigma)
                    .isCloseTo(signed / 2.0, within(z * Math.sqrt(signed / 4.0)));
        }
    }

    @Test
    void exactVarianceIsTheSumOfSquaresUnderThePmfAndStaysBelowSigmaSquared() {
        for (String sigma : SIGMAS) {
            DiscreteGaussian gaussian = DiscreteGaussian.withSigma(new BigDecimal(sigma));
            double sigmaSquared = gaussian.sigmaSquared();
            assertThat(gaussian.variance()).as("sigma %s", sigma)
                    .isCloseTo(moment(gaussian, 2), within(1e-12 * sigmaSquared))
                    .isLessThanOrEqualTo(sigmaSquared);
            if (gaussian.sigma().doubleValue() >= 2) {
                assertThat(gaussian.variance()).isCloseTo(sigmaSquared, within(1e-12 * sigmaSquared));
            }
        }
        assertThat(DiscreteGaussian.withSigma(new BigDecimal("0.5")).variance()).isLessThan(0.25);
        assertThat(DiscreteGaussian.withSigma(BigDecimal.ONE).variance()).isLessThan(1);
    }

    @Test
    void pmfAndVarianceMatchTheirValuesWorkedByHand() {
        // sigma = 0.5, weights exp(-2 x^2): 1, e^-2 = 0.135335283, e^-8 = 0.000335463, e^-18 = 1.523e-8.
        // Z = 1 + 2 (0.135335283 + 0.000335463 + 0.000000015) = 1.271341522; P(0) = 1/Z = 0.786570707;
        // P(1) = 0.135335283/Z = 0.106450769; Var = 2 (e^-2 + 4 e^-8 + 9 e^-18)/Z = 0.273354542/1.271341522 = 0.215012675.
        DiscreteGaussian half = DiscreteGaussian.withSigma(new BigDecimal("0.5"));
        assertThat(half.pmf(0)).isCloseTo(0.786570707, within(1e-9));
        assertThat(half.pmf(-1)).isCloseTo(0.106450769, within(1e-9));
        assertThat(half.variance()).isCloseTo(0.215012675, within(1e-9));
        // sigma = 1: by Poisson summation Var = 1 - 8 pi^2 e^(-2 pi^2) (1 + O(e^(-2 pi^2)))
        //   = 1 - 78.956835 * 2.675e-9 = 1 - 2.1123e-7.
        assertThat(DiscreteGaussian.withSigma(BigDecimal.ONE).variance()).isCloseTo(1 - 2.1123e-7, within(1e-11));
        // sigma = 10: P(0) = 1/(sqrt(2 pi) 10) = 0.039894228 to double precision (the theta correction is e^-1974).
        assertThat(DiscreteGaussian.withSigma(BigDecimal.TEN).pmf(0)).isCloseTo(0.039894228, within(1e-9));
    }

    @Test
    void margin95IsTheSmallestHalfWidthHoldingNinetyFivePercent() {
        for (String sigma : new String[] {"0.5", "1", "2.5", "5", "10", "37.25", "100"}) {
            DiscreteGaussian gaussian = DiscreteGaussian.withSigma(new BigDecimal(sigma));
            long m = gaussian.margin95();
            assertThat(probabilityWithin(gaussian, m)).as("P(|X| <= %d), sigma %s", m, sigma).isGreaterThanOrEqualTo(0.95);
            if (m > 0) {
                assertThat(probabilityWithin(gaussian, m - 1)).as("P(|X| <= %d), sigma %s", m - 1, sigma).isLessThan(0.95);
            }
        }
        // By hand: sigma = 0.5 has P(|X| <= 0) = 0.787 and P(|X| <= 1) = 0.787 + 2 * 0.106 = 0.999, so m = 1.
        assertThat(DiscreteGaussian.withSigma(new BigDecimal("0.5")).margin95()).isEqualTo(1);
        // sigma = 10, continuity-corrected: P(|X| <= m) ~ 2 Phi((m + 0.5)/10) - 1; m = 19 gives 2 Phi(1.95) - 1 = 0.9488,
        // m = 20 gives 2 Phi(2.05) - 1 = 0.9596, so m = 20 ("+/- 20, 95 %").
        assertThat(DiscreteGaussian.withSigma(BigDecimal.TEN).margin95()).isEqualTo(20);
    }

    @Test
    void exactTradeOffOfOneCountWorkedByHand() {
        // sigma = 0.5, sensitivity 1, false-positive rate 0.1. P(X >= 2) = 0.000263877 <= 0.1 < P(X >= 1) = 0.106714646:
        // flag x >= 2 always and x = 1 with probability (0.1 - 0.000263877) / P(1) = 0.099736123 / 0.106450769 = 0.936923.
        // Against the shifted count that catches P(X >= 1) + 0.936923 P(0) = 0.106714646 + 0.936923 * 0.786570707 = 0.843670.
        DiscreteGaussian half = DiscreteGaussian.withSigma(new BigDecimal("0.5"));
        assertThat(half.truePositiveRateBound(0.1, 1)).isCloseTo(0.843670, within(1e-6));
        // The continuous Gaussian's curve at mu = 1/0.5 = 2 says Phi(-1.281552 + 2) = Phi(0.718448) = 0.763760: it would
        // understate what an attacker achieves against so little discrete noise.
        assertThat(ZeroConcentratedDp.truePositiveRateBound(0.1, 2)).isCloseTo(0.763760, within(1e-6));
        assertThat(half.truePositiveRateBound(0, 1)).isZero();
        assertThat(half.truePositiveRateBound(1, 1)).isEqualTo(1);
        assertThat(half.truePositiveRateBound(0.3, 0)).isEqualTo(0.3);
    }

    @Test
    void exactTradeOffApproachesTheContinuousCurveAsSigmaGrows() {
        // The largest excess over Phi(Phi^-1(f) + 1/sigma) for f on a grid, sensitivity 1.
        double[] sigmas = {1, 5, 10};
        double[] largestExcess = {0.017, 1.4e-4, 1.8e-5};
        for (int i = 0; i < sigmas.length; i++) {
            DiscreteGaussian gaussian = DiscreteGaussian.withSigma(BigDecimal.valueOf(sigmas[i]));
            double excess = 0;
            for (double f = 0.001; f < 1; f += 0.001) {
                double exact = gaussian.truePositiveRateBound(f, 1);
                double continuous = ZeroConcentratedDp.truePositiveRateBound(f, 1 / sigmas[i]);
                assertThat(exact).isGreaterThanOrEqualTo(f);
                excess = Math.max(excess, exact - continuous);
            }
            assertThat(excess).as("sigma %s", sigmas[i]).isLessThan(largestExcess[i]);
        }
    }

    @Test
    void tailsAreGaussian() {
        DiscreteGaussian five = DiscreteGaussian.withSigma(new BigDecimal("5"));
        RandomSource random = RandomSource.seeded(5);
        Sampled sampled = Sampled.of(1_000_000, () -> five.sample(random));
        // P(|X| > 40) ~ 2 Phi(-8) ~ 1.2e-15: in a million draws, none.
        assertThat(sampled.largestMagnitude()).isLessThanOrEqualTo(40);
        // P(|X| > 2 sigma) from the pmf, against the share of draws beyond 10, within a binomial tolerance.
        double beyond = 1 - probabilityWithin(five, 10);
        double tolerance = ChiSquare.z() * Math.sqrt(sampled.draws() * beyond * (1 - beyond));
        assertThat((double) sampled.beyond(10)).isCloseTo(sampled.draws() * beyond, within(tolerance));
        // By hand, with the continuity correction: P(|X| >= 11) ~ 2 Phi(-10.5/5) = 2 Phi(-2.1) = 2 * 0.017864 = 0.035729,
        // an approximation good to about 1 % here.
        assertThat(beyond).isCloseTo(0.035729, within(0.0005));
    }

    @Test
    void aTinySigmaIsAlmostAlwaysZero() {
        // sigma = 0.1: P(X != 0) = 2 e^-50 / Z ~ 4e-22.
        DiscreteGaussian tiny = DiscreteGaussian.withSigma(new BigDecimal("0.1"));
        RandomSource random = RandomSource.seeded(1);
        for (int i = 0; i < 10_000; i++) {
            assertThat(tiny.sample(random)).isZero();
        }
        assertThat(tiny.margin95()).isZero();
    }

    @Test
    void sigmaMustBePositive() {
        assertThatThrownBy(() -> DiscreteGaussian.withSigma(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigma must be positive, not 0");
        assertThatThrownBy(() -> DiscreteGaussian.withSigma(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DiscreteGaussian.withSigma(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sigmaIsKeptAsGiven() {
        assertThat(DiscreteGaussian.withSigma(new BigDecimal("37.25")).sigma()).isEqualByComparingTo("37.25");
        assertThat(DiscreteGaussian.withSigma(new BigDecimal("37.25")).sigmaSquared()).isEqualTo(1387.5625);
    }

    private static void assertFitsItsPmf(String sigma, long seed) {
        DiscreteGaussian gaussian = DiscreteGaussian.withSigma(new BigDecimal(sigma));
        RandomSource random = RandomSource.seeded(seed);
        Sampled sampled = Sampled.of(DRAWS, () -> gaussian.sample(random));
        long range = (long) Math.ceil(12 * gaussian.sigma().doubleValue()) + 5; // e^-72 of the mass lies beyond
        ChiSquare.Fit fit = ChiSquare.fit(sampled.counts(), gaussian::pmf, -range, range);
        assertThat(fit.fits()).as("sigma %s: %s", sigma, fit).isTrue();
    }

    private static double probabilityWithin(DiscreteGaussian gaussian, long m) {
        double sum = 0;
        for (long x = -m; x <= m; x++) {
            sum += gaussian.pmf(x);
        }
        return sum;
    }

    private static double moment(DiscreteGaussian gaussian, int power) {
        long range = (long) Math.ceil(40 * gaussian.sigma().doubleValue()) + 5;
        double sum = 0;
        for (long x = range; x >= 1; x--) {
            sum += 2 * Math.pow(x, power) * gaussian.pmf(x);
        }
        return sum;
    }
}
