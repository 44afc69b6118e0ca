package io.crowdlens.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DiscreteLaplaceTest {

    private static final int DRAWS = 200_000;

    /** Scales t = num/den matching the Gaussian tests' sigmas 0.5, 1, 2.5, 10 and 37.25. */
    private static final long[][] SCALES = {{1, 2}, {1, 1}, {5, 2}, {10, 1}, {149, 4}};

    @Test
    void drawsFitTheExactPmf() {
        for (long[] scale : SCALES) {
            DiscreteLaplace laplace = DiscreteLaplace.withScale(scale[0], scale[1]);
            RandomSource random = RandomSource.seeded(scale[0] * 100 + scale[1]);
            Sampled sampled = Sampled.of(DRAWS, () -> laplace.sample(random));
            long range = (long) Math.ceil(40 * laplace.scale()) + 5; // exp(-40) ~ 4e-18 of the mass lies beyond
            ChiSquare.Fit fit = ChiSquare.fit(sampled.counts(), laplace::pmf, -range, range);
            assertThat(fit.fits()).as("%s: %s", laplace, fit).isTrue();
        }
    }

    @Test
    void meanIsZeroAndSampleVarianceIsTheExactVarianceAndSignsAreSymmetric() {
        double z = ChiSquare.z();
        for (long[] scale : SCALES) {
            DiscreteLaplace laplace = DiscreteLaplace.withScale(scale[0], scale[1]);
            RandomSource random = RandomSource.seeded(scale[0] * 1000 + scale[1]);
            Sampled sampled = Sampled.of(DRAWS, () -> laplace.sample(random));
            double variance = laplace.variance();
            assertThat(sampled.mean()).as("mean, %s", laplace).isCloseTo(0, within(z * Math.sqrt(variance / DRAWS)));
            // Var of the sample variance ~ (mu4 - var^2) / n, with mu4 the exact fourth moment.
            double fourth = centralMoment(laplace, 4);
            assertThat(sampled.variance()).as("variance, %s", laplace)
                    .isCloseTo(variance, within(z * Math.sqrt((fourth - variance * variance) / DRAWS)));
            long signed = sampled.positives() + sampled.negatives();
            assertThat((double) sampled.positives()).as("positives, %s", laplace)
                    .isCloseTo(signed / 2.0, within(z * Math.sqrt(signed / 4.0)));
        }
    }

    @Test
    void pmfAndVarianceMatchTheirValuesWorkedByHand() {
        // t = 1: q = e^-1 = 0.367879441; P(0) = (1 - q)/(1 + q) = 0.632120559/1.367879441 = 0.462117157,
        // P(3) = 0.462117157 * e^-3 = 0.462117157 * 0.049787068 = 0.023007459;
        // Var = 2q/(1 - q)^2 = 0.735758882/0.399576401 = 1.841347188.
        DiscreteLaplace unit = DiscreteLaplace.withScale(1, 1);
        assertThat(unit.pmf(0)).isCloseTo(0.462117157, within(1e-9));
        assertThat(unit.pmf(-3)).isCloseTo(0.023007459, within(1e-9));
        assertThat(unit.variance()).isCloseTo(1.841347188, within(1e-9));
        // t = 10/4 is t = 5/2: the fraction is reduced, nothing else changes.
        assertThat(DiscreteLaplace.withScale(10, 4).variance()).isEqualTo(DiscreteLaplace.withScale(5, 2).variance());
        // Large t: Var -> 2 t^2 - 1/6 (the continuous Laplace's 2 t^2, less a lattice correction).
        assertThat(DiscreteLaplace.withScale(1000, 1).variance()).isCloseTo(2e6 - 1.0 / 6, within(1e-3));
    }

    @Test
    void scaleMustBeAPositiveFraction() {
        assertThatThrownBy(() -> DiscreteLaplace.withScale(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive fraction, not 0/1");
        assertThatThrownBy(() -> DiscreteLaplace.withScale(1, -2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double centralMoment(DiscreteLaplace laplace, int power) {
        double sum = 0;
        long range = (long) Math.ceil(60 * laplace.scale()) + 5;
        for (long x = -range; x <= range; x++) {
            sum += Math.pow(x, power) * laplace.pmf(x);
        }
        return sum;
    }
}
