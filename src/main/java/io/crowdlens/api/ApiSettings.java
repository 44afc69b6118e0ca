package io.crowdlens.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the partner API (README lists each setting's environment variable; decision 026).
 *
 * @param rateLimit requests one token may make per {@code ratePeriod}; beyond it the answer is 429 with Retry-After
 * @param ratePeriod the period the rate limit counts over
 * @param requestTimeout how long a request may spend in the database before it is cancelled (503)
 */
@ConfigurationProperties("crowdlens.api")
public record ApiSettings(
        @DefaultValue("10") int rateLimit,
        @DefaultValue("1s") Duration ratePeriod,
        @DefaultValue("10s") Duration requestTimeout) {

    public ApiSettings {
        if (rateLimit < 1 || ratePeriod.isNegative() || ratePeriod.isZero()) {
            throw new IllegalArgumentException("crowdlens.api.rate-limit and rate-period must be positive");
        }
        if (requestTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("crowdlens.api.request-timeout must be at least 1 s "
                    + "(databases take statement timeouts in whole seconds)");
        }
    }
}
