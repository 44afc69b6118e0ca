package io.crowdlens.visits;

import io.crowdlens.common.Figure;
import java.time.LocalDate;

/** The rows of each visitors question, one site at a time. */
public final class VisitorFigures {

    private VisitorFigures() {
    }

    /** Average unique visitors in one local hour of the day, over the selected weekdays and weekend days. */
    public record Hour(int hour, Figure weekdayAverage, Figure weekendAverage) {
    }

    /** Unique visitors with a stay begun on one local day. */
    public record Day(LocalDate day, Figure visitors) {
    }

    /**
     * Visits of a length in [fromMinutes, toMinutes) begun in the period (one per visitor and day, its
     * longest); toMinutes null: open-ended.
     */
    public record Dwell(int fromMinutes, Integer toMinutes, Figure visits) {

        public String label() {
            return toMinutes == null ? fromMinutes + " min or more" : fromMinutes + "–" + toMinutes + " min";
        }
    }

    /**
     * One day's unique visitors split into first-time (first stay at the site in the release period) and
     * returning (seen on an earlier day); both or neither are shown.
     */
    public record Loyalty(LocalDate day, Figure firstTime, Figure returning) {
    }

    /** Unique visitors over the release period whose home is the area. */
    public record Home(long areaId, String areaName, Figure visitors) {
    }
}
