package io.crowdlens.pipeline.commuting;

/**
 * Weekday departures of one pair's commuters in one local hour: device-days and distinct devices.
 * Unprotected.
 */
public record DepartureCount(String homeArea, String workArea, int hourOfDay, long departures, long devices) {
}
