package io.crowdlens.presence;

import java.time.LocalDate;
import java.util.List;

/**
 * A heatmap question: one layer, a date range, some days of the week and a range of hours of day
 * (local to the release's time zone), and the metric.
 */
public record PresenceSelection(String layer, LocalDate from, LocalDate to, DayFilter days, int firstHour,
        int lastHour, PresenceMetric metric) {

    public PresenceSelection {
        if (layer == null || from == null || to == null || days == null || metric == null) {
            throw new IllegalArgumentException("incomplete selection");
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the first day is after the last day");
        }
        if (firstHour < 0 || lastHour > 23 || firstHour > lastHour) {
            throw new IllegalArgumentException("hours of day must run from 0 to 23, first before last");
        }
        if (from.plusDays(366).isBefore(to)) {
            throw new IllegalArgumentException("a selection covers at most one year");
        }
    }

    /** The dates the selection covers after the day-of-week filter. */
    public List<LocalDate> dates() {
        return from.datesUntil(to.plusDays(1)).filter(d -> days.includes(d.getDayOfWeek())).toList();
    }

    public int hoursPerDay() {
        return lastHour - firstHour + 1;
    }

    /** The same selection narrowed to one hour of day. */
    public PresenceSelection atHour(int hour) {
        return new PresenceSelection(layer, from, to, days, hour, hour, metric);
    }

    /** One line for audit records. */
    String describe() {
        return "presence " + metric + " layer=" + layer + " " + from + ".." + to + " " + days + " hours "
                + firstHour + "-" + lastHour;
    }
}
