package io.crowdlens.presence;

import java.math.BigDecimal;
import org.jooq.Record;

/** One area's published hourly counts, summed and peaked per hour of day over the selected days. */
final class HourTotals {

    static final HourTotals NONE = new HourTotals(new long[24], new long[24]);

    private final long[] sum;
    private final long[] peak;

    private HourTotals(long[] sum, long[] peak) {
        this.sum = sum;
        this.peak = peak;
    }

    /** From a row read as area_id, then sum and max of each hour first to last (null: nothing published). */
    static HourTotals of(Record row, int firstHour, int lastHour) {
        long[] sum = new long[24];
        long[] peak = new long[24];
        for (int hour = firstHour; hour <= lastHour; hour++) {
            int column = 1 + 2 * (hour - firstHour);
            Object total = row.get(column);
            Object highest = row.get(column + 1);
            if (total != null && highest != null) {
                sum[hour] = total instanceof BigDecimal d ? d.longValueExact() : ((Number) total).longValue();
                peak[hour] = ((Number) highest).longValue();
            }
        }
        return new HourTotals(sum, peak);
    }

    /** {sum, peak} at one hour of day, or null when no selected day had a published figure then. */
    long[] sumAndPeak(int hour) {
        return peak[hour] == 0 ? null : new long[] {sum[hour], peak[hour]};
    }
}
