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
 * @param maxSelectionDays the most days one figure question may cover (more: 422 selection-too-large)
 * @param maxDistricts the most districts one commuter matrix may hold (more: 422 selection-too-large)
 * @param maxConcurrentFigures figure questions answered at once (each holds up to two pooled connections:
 *     keep it below half the pool); others wait
 * @param figureQueueWait how long a figure question waits for its turn before 503 with Retry-After
 */
@ConfigurationProperties("crowdlens.api")
public record ApiSettings(
        @DefaultValue("10") int rateLimit,
        @DefaultValue("1s") Duration ratePeriod,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("92") int maxSelectionDays,
        @DefaultValue("20") int maxDistricts,
        @DefaultValue("4") int maxConcurrentFigures,
        @DefaultValue("5s") Duration figureQueueWait) {

    public ApiSettings {
        if (rateLimit < 1 || ratePeriod.isNegative() || ratePeriod.isZero()) {
            throw new IllegalArgumentException("crowdlens.api.rate-limit and rate-period must be positive");
        }
        if (maxSelectionDays < 1 || maxSelectionDays > 366 || maxDistricts < 2) {
            throw new IllegalArgumentException("crowdlens.api.max-selection-days must be 1 to 366 and "
                    + "crowdlens.api.max-districts at least 2");
        }
        if (maxConcurrentFigures < 1 || figureQueueWait.isNegative()) {
            throw new IllegalArgumentException("crowdlens.api.max-concurrent-figures must be positive and "
                    + "figure-queue-wait not negative");
        }
        if (requestTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("crowdlens.api.request-timeout must be at least 1 s "
                    + "(databases take statement timeouts in whole seconds)");
        }
    }
}
