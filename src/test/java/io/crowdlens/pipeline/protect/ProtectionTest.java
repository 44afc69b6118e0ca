package io.crowdlens.pipeline.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.privacy.PrivacySettings;
import io.crowdlens.privacy.noise.DiscreteGaussian;
import io.crowdlens.privacy.noise.RandomSource;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProtectionTest {

    static final FamilyCost HOURLY = FamilyCost.perDay(FigureFamily.PRESENCE_HOURLY, 24, "test bound");

    static PublicGrid<Integer> cells(int n) {
        return cell -> IntStream.range(0, n).forEach(cell::accept);
    }

    static Protection noisy(int k, String sigma, long seed) {
        PrivacySettings.Noise noise = new PrivacySettings.Noise(true, "", new BigDecimal(sigma), Map.of());
        return new Protection(k, 1, NoisePlan.of(noise), RandomSource.seeded(seed));
    }

    @Test
    void withoutNoiseFiguresBelowKAreDroppedNotZeroedAndFiguresAtKAreKept() {
        Noised<Integer> result = Protection.exact(10, 1).noise(HOURLY, cells(4), Map.of(0, 9L, 1, 10L, 2, 11L, 3, 1L));

        assertThat(result.stored()).extracting(Noised.Cell::key).containsExactly(1, 2);
        assertThat(result.stored()).extracting(Noised.Cell::value).containsExactly(10L, 11L);
        assertThat(result.record().gridCells()).isEqualTo(4);
        assertThat(result.record().storedCells()).isEqualTo(2);
        assertThat(result.record().rho()).isZero();
        assertThat(result.record().sigma()).isEqualByComparingTo("0");
    }

    @Test
    void roundingToFiveIsAppliedAfterTheThresholdAndNeverShowsAFigureBelowK() {
        Map<Integer, Long> truth = Map.of(0, 14L, 1, 15L, 2, 17L, 3, 18L, 4, 22L, 5, 23L);
        assertThat(Protection.exact(15, 5).noise(HOURLY, cells(6), truth).stored()).extracting(Noised.Cell::value)
                .containsExactly(15L, 15L, 20L, 20L, 25L);
        Map<Integer, Long> nearK = Map.of(0, 11L, 1, 12L, 2, 13L, 3, 16L, 4, 18L);
        assertThat(Protection.exact(12, 5).noise(HOURLY, cells(5), nearK).stored()).extracting(Noised.Cell::value)
                .containsExactly(15L, 15L, 15L, 20L);
    }

    @Test
    void aCountedFigureOutsideThePublicGridIsABugThatStopsTheRun() {
        assertThatThrownBy(() -> Protection.exact(10, 1).noise(HOURLY, cells(3), Map.of(7, 40L)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 counted figures lie outside the public grid of 3 figures");
    }

    @Test
    void everyCellOfTheGridIsNoisedSoEmptyCellsReachKAsOftenAsTheNoiseSays() {
        int cellsInGrid = 200_000;
        // an empty grid at sigma 5, k 10: a cell is stored when its noise alone reaches 10
        Noised<Integer> result = noisy(10, "5", 11).noise(HOURLY, cells(cellsInGrid), Map.of());

        DiscreteGaussian noise = DiscreteGaussian.withSigma(new BigDecimal("5"));
        double expected = 0;
        for (long x = 10; x <= 100; x++) {
            expected += noise.pmf(x);
        }
        double share = result.stored().size() / (double) cellsInGrid;
        double tolerance = 5 * Math.sqrt(expected * (1 - expected) / cellsInGrid);
        assertThat(share).isCloseTo(expected, within(tolerance));
        assertThat(result.stored()).allSatisfy(c -> assertThat(c.value()).isGreaterThanOrEqualTo(10));
    }

    @Test
    void theThresholdIsAppliedToTheNoisyValueNeverToTheTrueOne() {
        // a true 14 below k = 15 is sometimes stored, a true 16 above it sometimes not: the decision follows the noise
        Map<Integer, Long> truth = new HashMap<>();
        IntStream.range(0, 10_000).forEach(i -> truth.put(i, i % 2 == 0 ? 14L : 16L));
        Noised<Integer> result = noisy(15, "3", 5).noise(HOURLY, cells(10_000), truth);

        long belowKStored = result.stored().stream().filter(c -> c.key() % 2 == 0).count();
        long aboveKStored = result.stored().stream().filter(c -> c.key() % 2 == 1).count();
        assertThat(belowKStored).isBetween(1000L, 4900L);
        assertThat(aboveKStored).isBetween(2000L, 4900L);
    }

    @Test
    void theSameSeedGivesTheSameNoiseAndAnotherSeedOtherNoise() {
        Map<Integer, Long> truth = new HashMap<>();
        IntStream.range(0, 1000).forEach(i -> truth.put(i, 100L));
        List<Long> first = noisy(10, "4", 1).noise(HOURLY, cells(1000), truth).stored().stream().map(Noised.Cell::value).toList();
        List<Long> again = noisy(10, "4", 1).noise(HOURLY, cells(1000), truth).stored().stream().map(Noised.Cell::value).toList();
        List<Long> other = noisy(10, "4", 2).noise(HOURLY, cells(1000), truth).stored().stream().map(Noised.Cell::value).toList();

        assertThat(first).isEqualTo(again).isNotEqualTo(other);
        assertThat(first).anySatisfy(v -> assertThat(v).isNotEqualTo(100L));
    }

    @Test
    void theRecordCarriesTheMechanismAndItsCostForTheSensitivity() {
        Noised<Integer> result = noisy(10, "5", 3).noise(HOURLY, cells(10), Map.of());

        NoiseRecord record = result.record();
        assertThat(record.sigma()).isEqualByComparingTo("5");
        // 24 figures of +1 each: squared L2 sensitivity 24; rho = 24 / (2 * 25) = 0.48 (plus the discrete term, tiny)
        assertThat(record.squaredSensitivity()).isEqualTo(24);
        assertThat(record.rho()).isCloseTo(0.48, within(1e-6));
        // below sigma^2 by far less than a double resolves at sigma 5 (DiscreteGaussianTest shows it at small sigma)
        assertThat(record.variance()).isLessThanOrEqualTo(25).isGreaterThan(24.99);
        assertThat(record.margin95()).isEqualTo(DiscreteGaussian.withSigma(new BigDecimal("5")).margin95());
    }

    @Test
    void kBelowTheHardFloorIsRefused() {
        assertThatThrownBy(() -> Protection.exact(9, 1)).hasMessage("k = 9 is below the hard floor of 10 devices");
        assertThatThrownBy(() -> Protection.exact(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
