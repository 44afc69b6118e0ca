package io.crowdlens.api;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One rate limiter per API token (resilience4j's, a permit count per refresh period): a client that
 * runs over its token's limit is told to wait, instead of slowing everyone else down. In memory, per
 * portal instance (decision 026).
 */
@Component
class ApiRateLimits {

    /** Bounds memory: past this many tokens seen, the counts start afresh (limits reset, nothing else). */
    static final int MAX_TRACKED_TOKENS = 50_000;

    private final RateLimiterConfig config;
    private final Map<Long, RateLimiter> byToken = new ConcurrentHashMap<>();

    ApiRateLimits(ApiSettings settings) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(settings.rateLimit())
                .limitRefreshPeriod(settings.ratePeriod())
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** Takes a permit for the token; empty when granted, else how long until the next one. */
    OptionalLong acquire(long tokenId) {
        if (byToken.size() >= MAX_TRACKED_TOKENS) {
            byToken.clear();
        }
        RateLimiter limiter = byToken.computeIfAbsent(tokenId, id -> RateLimiter.of("api-token-" + id, config));
        if (limiter.acquirePermission()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(nanosToWait(limiter));
    }

    /** Until the limiter's next refresh; its own arithmetic, the whole period if it cannot say. */
    private static long nanosToWait(RateLimiter limiter) {
        if (limiter instanceof AtomicRateLimiter atomic) {
            return Math.max(0, atomic.getDetailedMetrics().getNanosToWait());
        }
        return limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
    }
}
