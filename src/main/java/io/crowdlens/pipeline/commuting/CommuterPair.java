package io.crowdlens.pipeline.commuting;

/** Devices living in {@code homeArea} and working in {@code workArea} over the run's period. Unprotected. */
public record CommuterPair(String homeArea, String workArea, long commuters) {
}
