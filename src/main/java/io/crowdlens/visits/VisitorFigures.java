package io.crowdlens.visits;

import java.time.LocalDate;

/**
 * The rows of each visitors question, one site at a time. A null figure is "fewer than k":
 * indistinguishable from nobody (PRIVACY.md rule 3).
 */
public final class VisitorFigures {

    private VisitorFigures() {
    }

    /** Average unique visitors in one local hour of the day, over the selected weekdays and weekend days. */
    public record Hour(int hour, Long weekdayAverage, Long weekendAverage) {
    }

    /** Unique visitors on one local day. */
    public record Day(LocalDate day, Long visitors) {
    }

    /** Visits (stays) of a length in [fromMinutes, toMinutes) that began in the period; toMinutes null: open-ended. */
    public record Dwell(int fromMinutes, Integer toMinutes, Long visits) {

        public String label() {
            return toMinutes == null ? fromMinutes + " min or more" : fromMinutes + "–" + toMinutes + " min";
        }
    }

    /**
     * One day's unique visitors split into first-time (first stay at the site in the release period) and
     * returning (seen on an earlier day); both or neither are shown.
     */
    public record Loyalty(LocalDate day, Long firstTime, Long returning) {
    }

    /** Unique visitors over the release period whose home is the area. */
    public record Home(long areaId, String areaName, Long visitors) {
    }
}
