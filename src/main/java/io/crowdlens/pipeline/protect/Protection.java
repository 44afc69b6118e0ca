package io.crowdlens.pipeline.protect;

import io.crowdlens.privacy.PrivacySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The minimum crowd applied to every aggregate row (PRIVACY.md rule 3): a row counting fewer than k
 * distinct devices is dropped, not stored as zero or "suppressed", so nothing downstream can tell it
 * from an area where nobody was. Optionally rounds the survivors to the nearest multiple of
 * {@code rounding} (halves up); the threshold is applied to the true count, before rounding, and a
 * rounded figure is never shown below k (k = 12: a true 12 is published as 15, not 10), so no
 * published number ever reads as fewer than the minimum crowd.
 */
public record Protection(int minimumCrowd, int rounding) {

    public Protection {
        if (minimumCrowd < PrivacySettings.HARD_FLOOR) {
            throw new IllegalArgumentException("k = " + minimumCrowd + " is below the hard floor of "
                    + PrivacySettings.HARD_FLOOR + " devices");
        }
        if (rounding < 1) {
            throw new IllegalArgumentException("rounding must be 1 (none) or a positive base such as 5, was " + rounding);
        }
    }

    /**
     * Protects rows of any shape: {@code devices} reads a row's distinct-device count and
     * {@code withDevices} makes the row with the published (possibly rounded) count.
     */
    public <T> Protected<T> apply(List<T> rows, ToLongFunction<T> devices, WithDevices<T> withDevices) {
        List<T> published = new ArrayList<>(rows.size());
        long suppressed = 0;
        for (T row : rows) {
            long count = devices.applyAsLong(row);
            if (count < minimumCrowd) {
                suppressed++;
            } else {
                published.add(withDevices.with(row, rounded(count)));
            }
        }
        return new Protected<>(List.copyOf(published), suppressed);
    }

    /** Whether a single count may be published. */
    public boolean admits(long devices) {
        return devices >= minimumCrowd;
    }

    /** The figure published for a count that {@link #admits} passes. */
    public long rounded(long devices) {
        if (rounding == 1) {
            return devices;
        }
        long nearest = (devices + rounding / 2) / rounding * rounding;
        long smallestShownAtOrAboveK = (minimumCrowd + rounding - 1) / rounding * rounding;
        return Math.max(nearest, smallestShownAtOrAboveK);
    }

    /** The rows that may be published, and how many were withheld. */
    public record Protected<T>(List<T> published, long suppressed) {
    }

    /** Makes a copy of a row with a new device count. */
    @FunctionalInterface
    public interface WithDevices<T> {
        T with(T row, long devices);
    }
}
