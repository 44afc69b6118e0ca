package io.crowdlens.pipeline.commuting;

/** Commuters of one pair whose usual weekday departure from home is in one local hour. Unprotected. */
public record DepartureCount(String homeArea, String workArea, int hourOfDay, long commuters) {
}
