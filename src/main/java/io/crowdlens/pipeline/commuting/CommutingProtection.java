package io.crowdlens.pipeline.commuting;

import io.crowdlens.pipeline.protect.Protection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PRIVACY.md rule 3 on the commuting rows: a pair, a departure bucket or a corridor bucket is
 * published only when it counts at least k distinct devices, and published (rounded) figures never
 * read below k. A departure bucket also needs its pair to be published (it always is when the bucket
 * passes: a bucket's devices are some of its pair's). Nothing else is published: no totals, so no
 * suppressed row can be derived by subtracting published ones (docs/commuting.md).
 */
final class CommutingProtection {

    private CommutingProtection() {
    }

    static PublishableCommuting protect(CommutingCounts counts, Protection protection) {
        long suppressed = 0;
        List<CommuterPair> pairs = new ArrayList<>();
        Set<String> publishedPairs = new HashSet<>();
        for (CommuterPair pair : counts.pairs()) {
            if (protection.admits(pair.commuters())) {
                pairs.add(new CommuterPair(pair.homeArea(), pair.workArea(), protection.rounded(pair.commuters())));
                publishedPairs.add(key(pair.homeArea(), pair.workArea()));
            } else {
                suppressed++;
            }
        }
        List<DepartureCount> departures = new ArrayList<>();
        for (DepartureCount bucket : counts.departures()) {
            if (protection.admits(bucket.devices()) && publishedPairs.contains(key(bucket.homeArea(), bucket.workArea()))) {
                departures.add(new DepartureCount(bucket.homeArea(), bucket.workArea(), bucket.hourOfDay(),
                        protection.rounded(bucket.departures()), protection.rounded(bucket.devices())));
            } else {
                suppressed++;
            }
        }
        List<CorridorPassCount> passes = new ArrayList<>();
        for (CorridorPassCount bucket : counts.passes()) {
            if (protection.admits(bucket.devices())) {
                passes.add(new CorridorPassCount(bucket.corridorCode(), bucket.localDay(), bucket.hourOfDay(),
                        bucket.direction(), protection.rounded(bucket.passes()), protection.rounded(bucket.devices())));
            } else {
                suppressed++;
            }
        }
        return new PublishableCommuting(counts.layer(), counts.corridors(), counts.corridorCells(), pairs, departures,
                passes, suppressed);
    }

    private static String key(String home, String work) {
        return home + '\u0000' + work;
    }
}
