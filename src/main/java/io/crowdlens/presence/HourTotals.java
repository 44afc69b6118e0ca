package io.crowdlens.presence;

import java.math.BigDecimal;
import org.jooq.Record;

/** One area's published hourly counts, summed and peaked per hour of day over the selected days. */
final class HourTotals {

    private final long[] sum = new long[24];
    private final long[] peak = new long[24];

    /** Adds one day row read as area_id, then the hours first to last (null: nothing published). */
    void addDay(Record day, int firstHour, int lastHour) {
        for (int hour = firstHour; hour <= lastHour; hour++) {
            Integer devices = (Integer) day.get(1 + hour - firstHour);
            if (devices != null) {
                sum[hour] += devices;
                peak[hour] = Math.max(peak[hour], devices);
            }
        }
    }

    /** From a row read as area_id, then the sum and the max of each hour first to last. */
    static HourTotals summed(Record row, int firstHour, int lastHour) {
        HourTotals totals = new HourTotals();
        for (int hour = firstHour; hour <= lastHour; hour++) {
            int column = 1 + 2 * (hour - firstHour);
            Object total = row.get(column);
            Object highest = row.get(column + 1);
            if (total != null && highest != null) {
                totals.sum[hour] = ((BigDecimal) total).longValueExact();
                totals.peak[hour] = ((Number) highest).longValue();
            }
        }
        return totals;
    }

    /** {sum, peak} at one hour of day, or null when no selected day had a published figure then. */
    long[] sumAndPeak(int hour) {
        return peak[hour] == 0 ? null : new long[] {sum[hour], peak[hour]};
    }
}
