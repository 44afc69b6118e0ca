package io.crowdlens.presence;

import io.crowdlens.release.ReleaseSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One area's side panel: its hourly profile (the selection's metric at each hour of day, over the
 * selected days) and its daily series (distinct devices per day). {@code null} = fewer than k.
 *
 * @param hourlyProfile 24 values, index = hour of day
 * @param days the selected days (after the day-of-week filter)
 * @param dailyDevices one value per day: distinct devices seen in the area that day
 */
public record AreaDetail(long areaId, String name, ReleaseSummary release, int minimumCrowd,
        PresenceSelection selection, List<Long> hourlyProfile, List<LocalDate> days, List<Long> dailyDevices) {

    public AreaDetail {
        hourlyProfile = Collections.unmodifiableList(new ArrayList<>(hourlyProfile));
        days = List.copyOf(days);
        dailyDevices = Collections.unmodifiableList(new ArrayList<>(dailyDevices));
    }

    /** What the hourly profile's numbers are, for the chart title (the panel names the area). */
    public String hourlyProfileTitle() {
        return switch (selection.metric()) {
            case AVERAGE_HOURLY -> "Average devices per hour, by hour of day";
            case PEAK_HOUR -> "Devices in the busiest day at each hour of day";
        };
    }

    public String dailyTitle() {
        return "Distinct devices per day";
    }

    /** Release and k, and the days the figures cover. */
    public String provenance() {
        return selection.days().label() + " " + selection.from() + " to " + selection.to() + " · Release "
                + release.id() + " · k = " + minimumCrowd;
    }
}
