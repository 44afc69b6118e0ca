package io.crowdlens.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An address is refused after N failures within the window, and may try again once they age out. */
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

    final MovableClock clock = new MovableClock();
    final SignInThrottle throttle = new SignInThrottle(new AccountSecuritySettings(10, 3, Duration.ofMinutes(15),
            List.of(), Set.of(), Duration.ofMinutes(5), Duration.ofHours(72), Duration.ofHours(24),
            Duration.ofHours(12)), clock);

    @Test
    void anAddressIsThrottledAfterTooManyFailuresInTheWindow() {
        assertThat(throttle.recordFailure("203.0.113.7")).isFalse();
        clock.now = clock.now.plusSeconds(60);
        assertThat(throttle.recordFailure("203.0.113.7")).isFalse();
        assertThat(throttle.isThrottled("203.0.113.7")).isFalse();
        assertThat(throttle.recordFailure("203.0.113.7")).isTrue();

        assertThat(throttle.isThrottled("203.0.113.7")).isTrue();
        assertThat(throttle.isThrottled("198.51.100.1")).as("other addresses are not affected").isFalse();
        assertThat(throttle.retryAfter("203.0.113.7")).isEqualTo(Instant.parse("2026-11-01T10:15:00Z"));
    }

    @Test
    void failuresAgeOutOfTheWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("203.0.113.7");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(15)).plusSeconds(1);

        assertThat(throttle.isThrottled("203.0.113.7")).isFalse();
    }
}
