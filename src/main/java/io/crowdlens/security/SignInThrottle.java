package io.crowdlens.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Throttles sign-in per client address: after too many failures from one address within a sliding
 * window, further attempts from it are refused without checking any password until the oldest
 * failure leaves the window. This stops one address from guessing across many accounts (which the
 * per-account lock cannot see). Kept in memory, per portal instance: see decision 006.
 */
@Component
public class SignInThrottle {

    /** Bounds memory under a flood of distinct addresses; the oldest entries are dropped first. */
    static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration window;
    private final Clock clock;

    public SignInThrottle(AccountSecuritySettings settings, Clock clock) {
        this.limit = settings.maxFailuresPerAddress();
        this.window = settings.addressWindow();
        this.clock = clock;
    }

    public boolean isThrottled(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times);
            return times.size() >= limit;
        }
    }

    /** Records a failure; true when this address is now throttled. */
    public boolean recordFailure(String address) {
        if (failures.size() >= MAX_TRACKED_ADDRESSES) {
            evictStale();
        }
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
            while (times.size() > limit) {
                times.removeFirst();
            }
            return times.size() >= limit;
        }
    }

    /** When the address may try again; only meaningful while throttled. */
    public Instant retryAfter(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return clock.instant();
        }
        synchronized (times) {
            return times.isEmpty() ? clock.instant() : times.peekFirst().plus(window);
        }
    }

    private void prune(Deque<Instant> times) {
        Instant cutoff = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private void evictStale() {
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = failures.entrySet().iterator(); it.hasNext();) {
            Deque<Instant> times = it.next().getValue();
            synchronized (times) {
                prune(times);
                if (times.isEmpty()) {
                    it.remove();
                }
            }
        }
        if (failures.size() >= MAX_TRACKED_ADDRESSES) {
            // still full of live entries: forget an arbitrary half rather than grow without bound
            int drop = failures.size() / 2;
            for (Iterator<String> it = failures.keySet().iterator(); it.hasNext() && drop-- > 0;) {
                it.next();
                it.remove();
            }
        }
    }
}
