package io.crowdlens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** "Try again after HH:MM" is never too early, and is said in the person's own time zone. */
class LoginViewRetryTimeTest {

    @Test
    void theRetryTimeIsRoundedUpToTheNextMinute() {
        assertThat(LoginView.tryAgainAfter(Instant.parse("2026-11-01T10:14:01Z"), ZoneOffset.UTC, true))
                .contains("Try again after 10:15 UTC.");
        assertThat(LoginView.tryAgainAfter(Instant.parse("2026-11-01T10:15:00Z"), ZoneOffset.UTC, true))
                .contains("Try again after 10:15 UTC.");
    }

    @Test
    void theRetryTimeIsSaidInTheBrowsersTimeZone() {
        assertThat(LoginView.tryAgainAfter(Instant.parse("2026-11-01T10:14:01Z"), ZoneId.of("Europe/Berlin"), false))
                .contains("Try again after 11:15.").doesNotContain("UTC");
    }
}
