package io.crowdlens.pipeline.visits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The dwell-time buckets of the distribution: from the minimum dwell to 20 minutes, 20-30, 30-60,
 * 60-120, 120-240 and 240 minutes or more (buckets below a longer minimum dwell fall away). Each bucket
 * includes its lower bound and excludes its upper one.
 */
public record DwellBuckets(List<Integer> lowerBoundsMinutes) {

    static final int[] STANDARD_BOUNDS_MINUTES = {20, 30, 60, 120, 240};

    public DwellBuckets {
        lowerBoundsMinutes = List.copyOf(lowerBoundsMinutes);
    }

    public static DwellBuckets from(Duration minimumDwell) {
        int minimum = Math.toIntExact(minimumDwell.toMinutes());
        List<Integer> bounds = new ArrayList<>(List.of(minimum));
        for (int bound : STANDARD_BOUNDS_MINUTES) {
            if (bound > minimum) {
                bounds.add(bound);
            }
        }
        return new DwellBuckets(bounds);
    }

    /** The bucket's upper bound in minutes (exclusive), or null for the last, open-ended one. */
    public Integer upperBoundOf(int lowerBoundMinutes) {
        int index = lowerBoundsMinutes.indexOf(lowerBoundMinutes);
        if (index < 0) {
            throw new IllegalArgumentException("no dwell bucket starts at " + lowerBoundMinutes + " minutes");
        }
        return index + 1 < lowerBoundsMinutes.size() ? lowerBoundsMinutes.get(index + 1) : null;
    }
}
