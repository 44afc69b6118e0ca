package io.crowdlens.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ZeroConcentratedDpTest {

    @Test
    void rhoOfAGaussianReleaseIsSensitivitySquaredOverTwiceSigmaSquared() {
        // Delta^2 = 24 (say 24 cells a device can change by 1 each), sigma = 10: 24 / (2 * 100) = 0.12.
        assertThat(ZeroConcentratedDp.rhoOfGaussian(24, 10)).isCloseTo(0.12, within(1e-15));
        // The discrete Gaussian costs exactly the same (CKS20 Theorem 14), however many cells get noise.
        assertThat(ZeroConcentratedDp.rhoOfDiscreteGaussian(24, BigDecimal.TEN, 672_000)).isCloseTo(0.12, within(1e-15));
        assertThat(ZeroConcentratedDp.rhoOfDiscreteGaussian(24, BigDecimal.TEN, 1)).isCloseTo(0.12, within(1e-15));
        // sigma = 37.25, Delta^2 = 1: 1 / (2 * 1387.5625) = 1 / 2775.125 = 0.000360344.
        assertThat(ZeroConcentratedDp.rhoOfDiscreteGaussian(1, new BigDecimal("37.25"), 1)).isCloseTo(0.000360344, within(1e-9));
    }

    @Test
    void rhoOfALaplaceReleaseComesFromItsPureEpsilon() {
        // Delta_1 = 1, t = 2: epsilon = 1/2, rho = (1/2)^2 / 2 = 0.125. Delta_1 = 3, t = 15/2: epsilon = 0.4, rho = 0.08.
        assertThat(ZeroConcentratedDp.rhoOfDiscreteLaplace(1, 2, 1)).isCloseTo(0.125, within(1e-15));
        assertThat(ZeroConcentratedDp.rhoOfDiscreteLaplace(3, 15, 2)).isCloseTo(0.08, within(1e-15));
    }

    @Test
    void bunSteinkeBoundWorkedByHand() {
        // rho = 0.5, delta = e^-8: 0.5 + 2 sqrt(0.5 * 8) = 0.5 + 2 * 2 = 4.5.
        assertThat(ZeroConcentratedDp.epsilonBunSteinke(0.5, Math.exp(-8))).isCloseTo(4.5, within(1e-12));
        // rho = 0.12, delta = 1e-6: ln(1e6) = 13.815511; 0.12 + 2 sqrt(0.12 * 13.815511) = 0.12 + 2 sqrt(1.657861)
        //   = 0.12 + 2 * 1.287580 = 2.695159.
        assertThat(ZeroConcentratedDp.epsilonBunSteinke(0.12, 1e-6)).isCloseTo(2.695159, within(1e-6));
    }

    @Test
    void tightConversionWorkedByHand() {
        // epsilon(alpha) = alpha rho + ln(1 - 1/alpha) + (ln(1/delta) - ln alpha) / (alpha - 1), minimal where
        // rho (alpha - 1)^2 + ln alpha = ln(1/delta). Choose rho = 0.5 and alpha = 3: ln(1/delta) = 0.5 * 4 + ln 3,
        // so delta = e^-2 / 3 = 0.045111761. Then epsilon = 1.5 + ln(2/3) + (2 + ln 3 - ln 3) / 2 = 2.5 + ln(2/3)
        //   = 2.5 - 0.405465108 = 2.094534892.
        assertThat(ZeroConcentratedDp.epsilon(0.5, Math.exp(-2) / 3)).isCloseTo(2.094534892, within(1e-9));
        // Bun-Steinke for the same: 0.5 + 2 sqrt(0.5 * (2 + ln 3)) = 0.5 + 2 sqrt(1.549306) = 0.5 + 2 * 1.244711 = 2.989422.
        assertThat(ZeroConcentratedDp.epsilonBunSteinke(0.5, Math.exp(-2) / 3)).isCloseTo(2.989422, within(1e-6));
    }

    @Test
    void tightConversionAgreesWithOpenDp() {
        // OpenDP's own test (zCDP_to_approxDP, rho = (1/4)^2 / 2 = 1/32, delta = 1e-3) expects 0.6880024554878086.
        assertThat(ZeroConcentratedDp.epsilon(1.0 / 32, 1e-3)).isCloseTo(0.6880024554878086, within(1e-12));
    }

    @Test
    void tightConversionIsTheMinimumOverAlphaAndNeverWorseThanBunSteinke() {
        for (double rho : new double[] {1e-4, 0.01, 0.12, 0.5, 2, 10}) {
            for (double delta : new double[] {1e-3, 1e-6, 1e-9, 1e-12}) {
                double epsilon = ZeroConcentratedDp.epsilon(rho, delta);
                // Brute force: every alpha = 1 + 10^u for u from -6 to 6 in steps of 1e-4.
                double bruteForce = Double.POSITIVE_INFINITY;
                for (int step = -60_000; step <= 60_000; step++) {
                    double alpha = 1 + Math.pow(10, step / 10_000.0);
                    bruteForce = Math.min(bruteForce, ZeroConcentratedDp.epsilonAtOrder(rho, delta, alpha));
                }
                assertThat(epsilon).as("rho %s, delta %s", rho, delta)
                        .isLessThanOrEqualTo(bruteForce + 1e-12)
                        .isCloseTo(bruteForce, within(1e-7 * bruteForce))
                        .isLessThan(ZeroConcentratedDp.epsilonBunSteinke(rho, delta));
            }
        }
    }

    @Test
    void nothingSpentCostsNothing() {
        assertThat(ZeroConcentratedDp.epsilon(0, 1e-6)).isZero();
        assertThat(ZeroConcentratedDp.epsilon(0.5, 1)).isZero();
        assertThat(ZeroConcentratedDp.gaussianDpMu(0)).isZero();
    }

    @Test
    void gaussianDpMuIsSensitivityOverSigma() {
        // rho = 0.12 (Delta^2 = 24, sigma = 10): mu = sqrt(0.24) = 0.489898 = sqrt(24) / 10.
        assertThat(ZeroConcentratedDp.gaussianDpMu(0.12)).isCloseTo(0.489898, within(1e-6));
        assertThat(ZeroConcentratedDp.gaussianDpMu(0.5)).isEqualTo(1);
    }

    @Test
    void truePositiveRateBoundWorkedByHand() {
        // Phi^-1(0.05) = -1.644854.
        // mu = 0: no better than guessing, TPR = FPR.
        assertThat(ZeroConcentratedDp.truePositiveRateBound(0.05, 0)).isCloseTo(0.05, within(1e-12));
        // mu = 1: Phi(-1.644854 + 1) = Phi(-0.644854) = 0.259511.
        assertThat(ZeroConcentratedDp.truePositiveRateBound(0.05, 1)).isCloseTo(0.259511, within(1e-6));
        // mu = sqrt(0.24) = 0.489898: Phi(-1.154956) = 0.124054.
        assertThat(ZeroConcentratedDp.truePositiveRateBound(0.05, Math.sqrt(0.24))).isCloseTo(0.124054, within(1e-6));
        // mu = 1.959964 + 1.644854 = 3.604818: Phi(1.959964) = 0.975.
        assertThat(ZeroConcentratedDp.truePositiveRateBound(0.05, 3.604818)).isCloseTo(0.975, within(1e-6));
        assertThat(ZeroConcentratedDp.truePositiveRateBound(0, 2)).isZero();
        assertThat(ZeroConcentratedDp.truePositiveRateBound(1, 2)).isEqualTo(1);
    }

    @Test
    void phiMatchesKnownValues() {
        // Abramowitz and Stegun table 26.1 and its tail values.
        assertThat(ZeroConcentratedDp.phi(0)).isEqualTo(0.5);
        assertThat(ZeroConcentratedDp.phi(1.959963985)).isCloseTo(0.975, within(1e-9));
        assertThat(ZeroConcentratedDp.phi(1)).isCloseTo(0.841344746068543, within(1e-15));
        assertThat(ZeroConcentratedDp.phi(-1)).isCloseTo(0.158655253931457, within(1e-15));
        assertThat(ZeroConcentratedDp.phi(2)).isCloseTo(0.977249868051821, within(1e-15));
        assertThat(ZeroConcentratedDp.phi(-3)).isCloseTo(0.00134989803163010, within(1e-15));
        assertThat(ZeroConcentratedDp.phi(-1.644853627)).isCloseTo(0.05, within(1e-9));
        // Tails, to relative accuracy: Phi(-5) = 2.866515718791939e-7, Phi(-10) = 7.619853024160527e-24.
        assertThat(ZeroConcentratedDp.phi(-5)).isCloseTo(2.866515718791939e-7, within(1e-20));
        assertThat(ZeroConcentratedDp.phi(-10)).isCloseTo(7.619853024160527e-24, within(1e-36));
        assertThat(ZeroConcentratedDp.phi(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(ZeroConcentratedDp.phi(Double.POSITIVE_INFINITY)).isEqualTo(1);
    }

    @Test
    void phiIsContinuousWhereItsTwoMethodsMeet() {
        for (double edge : new double[] {-3, 3}) {
            double below = ZeroConcentratedDp.phi(Math.nextDown(edge));
            double above = ZeroConcentratedDp.phi(Math.nextUp(edge));
            assertThat(above - below).as("at %s", edge).isBetween(0.0, 1e-15);
        }
    }

    @Test
    void inversePhiMatchesKnownValuesAndUndoesPhi() {
        assertThat(ZeroConcentratedDp.inversePhi(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(ZeroConcentratedDp.inversePhi(0.05)).isCloseTo(-1.644853626951472, within(1e-12));
        assertThat(ZeroConcentratedDp.inversePhi(0.5)).isZero();
        assertThat(ZeroConcentratedDp.inversePhi(1e-10)).isCloseTo(-6.361340902404056, within(1e-11));
        assertThat(ZeroConcentratedDp.inversePhi(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ZeroConcentratedDp.inversePhi(1)).isEqualTo(Double.POSITIVE_INFINITY);
        for (double p = 1e-300; p < 0.5; p *= 3.7) {
            double x = ZeroConcentratedDp.inversePhi(p);
            assertThat(ZeroConcentratedDp.phi(x)).as("Phi(Phi^-1(%s))", p).isCloseTo(p, within(1e-12 * p));
        }
        assertThatThrownBy(() -> ZeroConcentratedDp.inversePhi(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badArgumentsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> ZeroConcentratedDp.epsilon(-1, 1e-6)).hasMessageContaining("rho must be");
        assertThatThrownBy(() -> ZeroConcentratedDp.epsilon(0.1, 0)).hasMessageContaining("delta must lie in (0, 1]");
        assertThatThrownBy(() -> ZeroConcentratedDp.rhoOfDiscreteGaussian(1, BigDecimal.ONE, 0))
                .hasMessageContaining("at least one dimension");
        assertThatThrownBy(() -> ZeroConcentratedDp.rhoOfGaussian(1, 0)).hasMessageContaining("sigma must be positive");
    }
}
