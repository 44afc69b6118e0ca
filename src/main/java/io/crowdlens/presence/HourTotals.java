package io.crowdlens.presence;

import io.crowdlens.privacy.Cells;
import io.crowdlens.common.Figure;
import java.math.BigDecimal;
import org.jooq.Record;

/**
 * One area's hourly figures that reach the partner's k, summed, peaked and counted per hour of day
 * over the selected days.
 */
final class HourTotals {

    private final long[] sum = new long[24];
    private final long[] peak = new long[24];
    private final int[] used = new int[24];

    /** Adds one day row read as area_id, then the hours first to last (null: nothing stored). */
    void addDay(Record day, int firstHour, int lastHour, int k) {
        for (int hour = firstHour; hour <= lastHour; hour++) {
            Integer devices = (Integer) day.get(1 + hour - firstHour);
            if (devices != null && devices >= k) {
                sum[hour] += devices;
                peak[hour] = Math.max(peak[hour], devices);
                used[hour]++;
            }
        }
    }

    /** From a row read as area_id, then the sum, the max and the count of each hour first to last. */
    static HourTotals summed(Record row, int firstHour, int lastHour) {
        HourTotals totals = new HourTotals();
        for (int hour = firstHour; hour <= lastHour; hour++) {
            int column = 1 + 3 * (hour - firstHour);
            Object total = row.get(column);
            Object highest = row.get(column + 1);
            Object count = row.get(column + 2);
            if (total != null && highest != null && count != null) {
                totals.sum[hour] = ((BigDecimal) total).longValueExact();
                totals.peak[hour] = ((Number) highest).longValue();
                totals.used[hour] = ((BigDecimal) count).intValueExact();
            }
        }
        return totals;
    }

    /** The selection's metric at one hour of day over {@code days} selected days. */
    Figure figure(int hour, PresenceMetric metric, Cells cells, int days) {
        return switch (metric) {
            case AVERAGE_HOURLY -> cells.meanOfPassing(sum[hour], used[hour], days);
            case PEAK_HOUR -> cells.peakOfPassing(peak[hour], used[hour]);
        };
    }
}
