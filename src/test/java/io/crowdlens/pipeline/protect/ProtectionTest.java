package io.crowdlens.pipeline.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.pipeline.presence.PresenceCount;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtectionTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    static PresenceCount devices(long n) {
        return new PresenceCount("district", "A" + n, DAY, 8, n);
    }

    static Protection.Protected<PresenceCount> protect(Protection protection, List<PresenceCount> rows) {
        return protection.apply(rows, PresenceCount::devices, PresenceCount::withDevices);
    }

    @Test
    void rowsBelowKAreDroppedNotZeroedAndRowsAtKAreKept() {
        Protection.Protected<PresenceCount> result =
                protect(new Protection(10, 1), List.of(devices(9), devices(10), devices(11), devices(1)));

        assertThat(result.published()).containsExactly(devices(10), devices(11));
        assertThat(result.suppressed()).isEqualTo(2);
    }

    @Test
    void roundingToFiveIsAppliedAfterTheThresholdOnTheTrueCount() {
        Protection protection = new Protection(15, 5);

        assertThat(protect(protection, List.of(devices(14), devices(15), devices(17), devices(18), devices(22), devices(23)))
                .published()).extracting(PresenceCount::devices).containsExactly(15L, 15L, 20L, 20L, 25L);
    }

    @Test
    void aRoundedFigureIsNeverShownBelowK() {
        Protection protection = new Protection(12, 5);

        assertThat(protect(protection, List.of(devices(11), devices(12), devices(13), devices(16), devices(18)))
                .published()).extracting(PresenceCount::devices).containsExactly(15L, 15L, 15L, 20L);
    }

    @Test
    void singleFiguresAreAdmittedFromKAndRoundedLikeRows() {
        Protection protection = new Protection(12, 5);

        assertThat(protection.admits(11)).isFalse();
        assertThat(protection.admits(12)).isTrue();
        assertThat(protection.rounded(12)).isEqualTo(15);
        assertThat(protection.rounded(22)).isEqualTo(20);
    }

    @Test
    void kBelowTheHardFloorIsRefused() {
        assertThatThrownBy(() -> new Protection(9, 1)).hasMessage("k = 9 is below the hard floor of 10 devices");
        assertThatThrownBy(() -> new Protection(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
