package io.crowdlens.api;

import java.time.Duration;
import java.time.Instant;

/**
 * The time by which the current API request must be done, for the thread serving it. The database
 * is where an API request spends its time, so {@link ApiDeadlineListener} gives every statement only
 * what is left, and refuses to start one once nothing is.
 */
final class ApiDeadline {

    private static final ThreadLocal<Instant> DEADLINE = new ThreadLocal<>();

    private ApiDeadline() {
    }

    static void start(Duration timeout) {
        DEADLINE.set(Instant.now().plus(timeout));
    }

    static void end() {
        DEADLINE.remove();
    }

    /** What is left of the current request's time, or null outside an API request. */
    static Duration remaining() {
        Instant deadline = DEADLINE.get();
        return deadline == null ? null : Duration.between(Instant.now(), deadline);
    }

    static boolean passed() {
        Duration left = remaining();
        return left != null && (left.isNegative() || left.isZero());
    }
}
