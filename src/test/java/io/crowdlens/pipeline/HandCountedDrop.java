package io.crowdlens.pipeline;

import com.uber.h3core.H3Core;
import io.crowdlens.pipeline.presence.PresenceCount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * src/test/resources/pipeline/hand-counted, counted by hand (see the comments in its events). Times
 * are Europe/Berlin, CET (UTC+1) on these days. The H3 cells are looked up with the H3 library itself,
 * not with the pipeline's code.
 */
final class HandCountedDrop {

    static final String NAME = "hand-counted";
    static final String DISTRICT = "district";
    static final String H3_LAYER = "h3r8";
    static final LocalDate MAR_2 = LocalDate.of(2026, 3, 2);
    static final LocalDate MAR_3 = LocalDate.of(2026, 3, 3);
    static final int EVENTS = 45;

    static final String HEX_C1 = hex(52.505, 13.385);
    static final String HEX_C2 = hex(52.518, 13.415);
    static final String HEX_C3 = hex(52.490, 13.400);
    static final String HEX_C4 = hex(52.600, 13.600);

    /**
     * The presence figures of the public grid: 6 areas (districts N and S, 4 H3 cells) at each of the 48 local
     * hours and on each of the 2 days of the period.
     */
    static final int PRESENCE_GRID = 6 * (48 + 2);

    /** The commuting figures of the public grid: the 2 ordered pairs of districts, each alone and at 24 hours. */
    static final int COMMUTING_GRID = 2 * (1 + 24);

    /** Every aggregate before protection. */
    static final List<PresenceCount> ALL = List.of(
            hourly(DISTRICT, "N", MAR_2, 8, 12),
            hourly(DISTRICT, "S", MAR_2, 10, 10),
            hourly(DISTRICT, "S", MAR_3, 0, 10),
            hourly(DISTRICT, "S", MAR_3, 12, 9),
            hourly(H3_LAYER, HEX_C1, MAR_2, 8, 12),
            hourly(H3_LAYER, HEX_C2, MAR_2, 8, 3),
            hourly(H3_LAYER, HEX_C3, MAR_2, 10, 10),
            hourly(H3_LAYER, HEX_C3, MAR_3, 0, 10),
            hourly(H3_LAYER, HEX_C3, MAR_3, 12, 9),
            hourly(H3_LAYER, HEX_C4, MAR_2, 10, 1),
            daily(DISTRICT, "N", MAR_2, 12),
            daily(DISTRICT, "S", MAR_2, 10),
            // d01-d10 at 00:30 and d01-d09 at 12:30: 10 distinct, not 19
            daily(DISTRICT, "S", MAR_3, 10),
            daily(H3_LAYER, HEX_C1, MAR_2, 12),
            daily(H3_LAYER, HEX_C2, MAR_2, 3),
            daily(H3_LAYER, HEX_C3, MAR_2, 10),
            daily(H3_LAYER, HEX_C3, MAR_3, 10),
            daily(H3_LAYER, HEX_C4, MAR_2, 1));

    /** What k = 10 lets through. */
    static final List<PresenceCount> PUBLISHED_AT_K10 = List.of(
            hourly(DISTRICT, "N", MAR_2, 8, 12),
            hourly(DISTRICT, "S", MAR_2, 10, 10),
            hourly(DISTRICT, "S", MAR_3, 0, 10),
            hourly(H3_LAYER, HEX_C1, MAR_2, 8, 12),
            hourly(H3_LAYER, HEX_C3, MAR_2, 10, 10),
            hourly(H3_LAYER, HEX_C3, MAR_3, 0, 10),
            daily(DISTRICT, "N", MAR_2, 12),
            daily(DISTRICT, "S", MAR_2, 10),
            daily(DISTRICT, "S", MAR_3, 10),
            daily(H3_LAYER, HEX_C1, MAR_2, 12),
            daily(H3_LAYER, HEX_C3, MAR_2, 10),
            daily(H3_LAYER, HEX_C3, MAR_3, 10));

    private HandCountedDrop() {
    }

    static PresenceCount hourly(String layer, String area, LocalDate day, int hour, long devices) {
        return new PresenceCount(layer, area, day, hour, devices);
    }

    static PresenceCount daily(String layer, String area, LocalDate day, long devices) {
        return new PresenceCount(layer, area, day, null, devices);
    }

    private static String hex(double lat, double lon) {
        try {
            return H3Core.newInstance().latLngToCellAddress(lat, lon, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
