package io.crowdlens.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key within a sliding window, in memory. A key reaches its limit after
 * {@code limit} events inside the window and is released when the oldest of them leaves it.
 * Memory is bounded: stale keys are dropped first, then an arbitrary half.
 */
final class SlidingWindowCounter {

    /** Bounds memory under a flood of distinct keys. */
    static final int MAX_TRACKED_KEYS = 100_000;

    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration window;
    private final Clock clock;

    SlidingWindowCounter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** When the key may act again, if it is at its limit now. */
    Optional<Instant> blockedUntil(String key) {
        Deque<Instant> times = events.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times);
            return times.size() >= limit ? Optional.of(times.peekFirst().plus(window)) : Optional.empty();
        }
    }

    /** Records an event; true when the key is now at its limit. */
    boolean record(String key) {
        if (events.size() >= MAX_TRACKED_KEYS) {
            evictStale();
        }
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
            while (times.size() > limit) {
                times.removeFirst();
            }
            return times.size() >= limit;
        }
    }

    void forget(String key) {
        events.remove(key);
    }

    private void prune(Deque<Instant> times) {
        Instant cutoff = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private void evictStale() {
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = events.entrySet().iterator(); it.hasNext();) {
            Deque<Instant> times = it.next().getValue();
            synchronized (times) {
                prune(times);
                if (times.isEmpty()) {
                    it.remove();
                }
            }
        }
        if (events.size() >= MAX_TRACKED_KEYS) {
            // still full of live entries: forget an arbitrary half rather than grow without bound
            int drop = events.size() / 2;
            for (Iterator<String> it = events.keySet().iterator(); it.hasNext() && drop-- > 0;) {
                it.next();
                it.remove();
            }
        }
    }
}
