package io.crowdlens.pipeline.presence;

import java.time.LocalDate;

/**
 * Distinct devices in one area of one layer in one local hour ({@code hourOfDay} 0-23) or, when
 * {@code hourOfDay} is null, over one local day. Unprotected: only the protect step may pass it on.
 */
public record PresenceCount(String layerCode, String areaCode, LocalDate localDay, Integer hourOfDay, long devices) {

    /** Which figure a count is: its place in the public grid. */
    public record Key(String layerCode, String areaCode, LocalDate localDay, Integer hourOfDay) {

        PresenceCount withDevices(long devices) {
            return new PresenceCount(layerCode, areaCode, localDay, hourOfDay, devices);
        }
    }

    public boolean isDaily() {
        return hourOfDay == null;
    }

    public Key key() {
        return new Key(layerCode, areaCode, localDay, hourOfDay);
    }

    public PresenceCount withDevices(long newDevices) {
        return new PresenceCount(layerCode, areaCode, localDay, hourOfDay, newDevices);
    }
}
