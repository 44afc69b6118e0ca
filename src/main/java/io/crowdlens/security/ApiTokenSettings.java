package io.crowdlens.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on personal API tokens (README lists each setting's environment variable).
 *
 * @param maxLifetime the longest a token may be valid for; people choose up to this when they create one
 * @param maxActivePerUser how many unrevoked, unexpired tokens one person may hold at once
 */
@ConfigurationProperties("crowdlens.api.tokens")
public record ApiTokenSettings(
        @DefaultValue("90d") Duration maxLifetime,
        @DefaultValue("10") int maxActivePerUser) {

    public ApiTokenSettings {
        if (maxLifetime.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("crowdlens.api.tokens.max-lifetime must be at least one day");
        }
        if (maxActivePerUser < 1) {
            throw new IllegalArgumentException("crowdlens.api.tokens.max-active-per-user must be at least 1");
        }
    }

    /** The longest validity, in whole days, a person may choose. */
    public int maxDays() {
        return (int) maxLifetime.toDays();
    }
}
