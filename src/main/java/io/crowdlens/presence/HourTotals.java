package io.crowdlens.presence;

import org.jooq.Record;

/** Sums and peaks of one area's published hourly counts, per hour of day, over the days added. */
final class HourTotals {

    private final long[] sum = new long[24];
    private final long[] peak = new long[24];

    /** Adds one presence_day_hours row read as area_id, local_day, then the hours first to last. */
    void add(Record day, int firstHour, int lastHour) {
        for (int hour = firstHour; hour <= lastHour; hour++) {
            Integer devices = (Integer) day.get(2 + hour - firstHour);
            if (devices != null) {
                sum[hour] += devices;
                peak[hour] = Math.max(peak[hour], devices);
            }
        }
    }

    /** {sum, peak} at one hour of day, or null when no day had a published figure then. */
    long[] sumAndPeak(int hour) {
        return peak[hour] == 0 ? null : new long[] {sum[hour], peak[hour]};
    }

    /** {sum, peak} over every hour, or null when nothing was published (published counts are positive). */
    long[] sumAndPeakOverAllHours() {
        long total = 0;
        long highest = 0;
        for (int hour = 0; hour < 24; hour++) {
            total += sum[hour];
            highest = Math.max(highest, peak[hour]);
        }
        return highest == 0 ? null : new long[] {total, highest};
    }
}
