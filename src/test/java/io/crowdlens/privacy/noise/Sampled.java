package io.crowdlens.privacy.noise;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** What a run of draws looked like: counts per value and the sums the moment checks need. */
record Sampled(Map<Long, Long> counts, long draws, double mean, double variance, long largestMagnitude,
               long positives, long negatives) {

    static Sampled of(int draws, LongSupplier sampler) {
        Map<Long, Long> counts = new HashMap<>();
        double sum = 0;
        double squares = 0;
        long largest = 0;
        long positives = 0;
        long negatives = 0;
        for (int i = 0; i < draws; i++) {
            long x = sampler.getAsLong();
            counts.merge(x, 1L, Long::sum);
            sum += x;
            squares += (double) x * x;
            largest = Math.max(largest, Math.abs(x));
            positives += x > 0 ? 1 : 0;
            negatives += x < 0 ? 1 : 0;
        }
        double mean = sum / draws;
        double variance = (squares - draws * mean * mean) / (draws - 1);
        return new Sampled(counts, draws, mean, variance, largest, positives, negatives);
    }

    /** How many draws had |x| &gt; limit. */
    long beyond(long limit) {
        return counts.entrySet().stream().filter(e -> Math.abs(e.getKey()) > limit).mapToLong(Map.Entry::getValue).sum();
    }
}
