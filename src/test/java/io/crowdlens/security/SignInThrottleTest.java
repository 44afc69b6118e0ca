package io.crowdlens.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two tiers (decision 032): a name is paused from one address after a few failures there, while
 * colleagues at that address carry on; the whole address is refused only at a much higher limit.
 * Both tell when to try again, and both release once failures age out.
 */
class SignInThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final String OFFICE = "203.0.113.7";

    final MovableClock clock = new MovableClock();
    // 3 failures per (name, address), 8 per address, within 15 minutes
    final SignInThrottle throttle = new SignInThrottle(new AccountSecuritySettings(10, 8, Duration.ofMinutes(15),
            List.of(), Set.of(), Duration.ofMinutes(5), Duration.ofHours(72), Duration.ofHours(24),
            Duration.ofHours(12), 3, 10, 3, Duration.ofHours(1)), clock);

    @Test
    void aNameIsPausedFromOneAddressAfterAFewFailuresAndToldWhenToTryAgain() {
        assertThat(throttle.recordFailure("ann@retail.test", OFFICE)).isFalse();
        clock.now = clock.now.plusSeconds(60);
        assertThat(throttle.recordFailure("ann@retail.test", OFFICE)).isFalse();
        assertThat(throttle.refusedUntil("ann@retail.test", OFFICE)).isEmpty();
        assertThat(throttle.recordFailure("ANN@retail.test ", OFFICE)).as("the name is compared as typed, ignoring case")
                .isTrue();

        assertThat(throttle.refusedUntil("ann@retail.test", OFFICE)).contains(Instant.parse("2026-11-01T10:15:00Z"));
        assertThat(throttle.refusedUntil("bob@retail.test", OFFICE)).as("a colleague at the same address").isEmpty();
        assertThat(throttle.refusedUntil("ann@retail.test", "198.51.100.1")).as("the same name elsewhere").isEmpty();
        assertThat(throttle.isThrottled(OFFICE)).as("the office as a whole").isFalse();
    }

    @Test
    void theWholeAddressIsRefusedOnlyAtTheHigherLimit() {
        for (int i = 1; i <= 7; i++) {
            throttle.recordFailure("user" + i + "@retail.test", OFFICE);
        }
        assertThat(throttle.refusedUntil("someone@retail.test", OFFICE)).as("7 failures, 7 names: below 8").isEmpty();

        clock.now = clock.now.plusSeconds(120);
        assertThat(throttle.recordFailure("user8@retail.test", OFFICE)).isTrue();

        assertThat(throttle.isThrottled(OFFICE)).isTrue();
        assertThat(throttle.refusedUntil("someone@retail.test", OFFICE)).as("the oldest failure leaves at 10:15")
                .contains(Instant.parse("2026-11-01T10:15:00Z"));
        assertThat(throttle.refusedUntil("someone@retail.test", "198.51.100.1")).isEmpty();
    }

    @Test
    void whenBothTiersRefuseTheLaterRetryTimeIsGiven() {
        for (int i = 1; i <= 6; i++) {
            throttle.recordFailure("user" + i + "@retail.test", OFFICE);
        }
        clock.now = clock.now.plusSeconds(300);
        throttle.recordFailure("ann@retail.test", OFFICE);
        throttle.recordFailure("ann@retail.test", OFFICE);
        clock.now = clock.now.plusSeconds(60);
        throttle.recordFailure("ann@retail.test", OFFICE);

        assertThat(throttle.isThrottled(OFFICE)).isTrue();
        assertThat(throttle.refusedUntil("ann@retail.test", OFFICE)).contains(Instant.parse("2026-11-01T10:20:00Z"));
    }

    @Test
    void failuresAgeOutOfTheWindowAndSuccessClearsTheName() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("ann@retail.test", OFFICE);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(15)).plusSeconds(1);
        assertThat(throttle.refusedUntil("ann@retail.test", OFFICE)).isEmpty();

        throttle.recordFailure("bob@retail.test", OFFICE);
        throttle.recordFailure("bob@retail.test", OFFICE);
        throttle.succeeded("bob@retail.test", OFFICE);
        assertThat(throttle.recordFailure("bob@retail.test", OFFICE)).as("count restarted after success").isFalse();
    }
}
