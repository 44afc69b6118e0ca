package io.crowdlens.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The yardstick of the statistical tests, checked against printed tables before it judges anything. */
class ChiSquareTest {

    @Test
    void criticalValuesMatchThePrintedTables() {
        // Abramowitz and Stegun, table 26.8 (upper percentage points of chi-square).
        assertThat(ChiSquare.criticalValue(1, 0.05)).isCloseTo(3.841, within(1e-3));
        assertThat(ChiSquare.criticalValue(3, 0.05)).isCloseTo(7.815, within(1e-3));
        assertThat(ChiSquare.criticalValue(5, 0.001)).isCloseTo(20.515, within(1e-3));
        assertThat(ChiSquare.criticalValue(10, 0.01)).isCloseTo(23.209, within(1e-3));
        assertThat(ChiSquare.criticalValue(30, 0.05)).isCloseTo(43.773, within(1e-3));
        // Two degrees of freedom is the exponential with mean 2: P(X > x) = exp(-x/2), so x = -2 ln(alpha).
        assertThat(ChiSquare.criticalValue(2, 1e-4)).isCloseTo(-2 * Math.log(1e-4), within(1e-9));
    }

    @Test
    void manyDegreesOfFreedomAgreeWithWilsonHilferty() {
        // chi^2_k quantile ~ k (1 - 2/(9k) + z sqrt(2/(9k)))^3, good to a fraction of a percent for large k.
        double z = -ZeroConcentratedDp.inversePhi(ChiSquare.SIGNIFICANCE);
        for (int k : new int[] {200, 201, 4064, 4065}) {
            double wilsonHilferty = k * Math.pow(1 - 2.0 / (9 * k) + z * Math.sqrt(2.0 / (9 * k)), 3);
            assertThat(ChiSquare.criticalValue(k, ChiSquare.SIGNIFICANCE)).as("k = %d", k)
                    .isCloseTo(wilsonHilferty, within(0.005 * wilsonHilferty));
        }
    }

    @Test
    void fitPoolsThinBinsAndSeesAMisfit() {
        // A fair die thrown 6,000 times, counted exactly as expected: statistic 0.
        Map<Long, Long> fair = new HashMap<>();
        for (long face = 1; face <= 6; face++) {
            fair.put(face, 1000L);
        }
        ChiSquare.Fit exact = ChiSquare.fit(fair, x -> x >= 1 && x <= 6 ? 1.0 / 6 : 0, 1, 6);
        assertThat(exact.statistic()).isZero();
        assertThat(exact.degreesOfFreedom()).isEqualTo(5);

        // A loaded one, face 6 twice as likely: (1715-1000)^2/1000 + 5 (857-1000)^2/1000 = 511.2 + 102.2 = 613.4.
        Map<Long, Long> loaded = new HashMap<>();
        for (long face = 1; face <= 5; face++) {
            loaded.put(face, 857L);
        }
        loaded.put(6L, 1715L);
        ChiSquare.Fit misfit = ChiSquare.fit(loaded, x -> x >= 1 && x <= 6 ? 1.0 / 6 : 0, 1, 6);
        assertThat(misfit.statistic()).isCloseTo(613.4, within(0.1));
        assertThat(misfit.fits()).isFalse();
    }
}
