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

    /**
     * From a row read as area_id, then one total per hour first to last: the sum of its counts for
     * the average, their max for the peak (null: nothing published). The other of the two stays 0,
     * which only {@code combined} with the same metric reads.
     */
    static HourTotals summed(Record row, int firstHour, int lastHour, PresenceMetric metric) {
        HourTotals totals = new HourTotals();
        for (int hour = firstHour; hour <= lastHour; hour++) {
            Object value = row.get(1 + hour - firstHour);
            if (value != null) {
                long total = value instanceof BigDecimal d ? d.longValueExact() : ((Number) value).longValue();
                if (metric == PresenceMetric.AVERAGE_HOURLY) {
                    totals.sum[hour] = total;
                } else {
                    totals.peak[hour] = total;
                }
            }
        }
        return totals;
    }

    /** {sum, peak} at one hour of day, or null when no selected day had a published figure (all are above 0). */
    long[] sumAndPeak(int hour) {
        return sum[hour] == 0 && peak[hour] == 0 ? null : new long[] {sum[hour], peak[hour]};
    }
}
