package io.crowdlens.presence;

import io.crowdlens.figures.Answer;
import io.crowdlens.common.Figure;
import io.crowdlens.release.ReleaseSummary;
import java.time.LocalDate;
import java.util.List;

/**
 * One area's side panel: its hourly profile (the selection's metric at each hour of day, over the
 * selected days) and its daily series (distinct devices per day).
 *
 * @param hourlyProfile 24 figures, index = hour of day
 * @param days the selected days (after the day-of-week filter)
 * @param dailyDevices one figure per day: distinct devices seen in the area that day
 */
public record AreaDetail(long areaId, String name, ReleaseSummary release, int minimumCrowd,
        PresenceSelection selection, List<Figure> hourlyProfile, List<LocalDate> days, List<Figure> dailyDevices)
        implements Answer {

    public AreaDetail {
        hourlyProfile = List.copyOf(hourlyProfile);
        days = List.copyOf(days);
        dailyDevices = List.copyOf(dailyDevices);
    }

    @Override
    public int shownFigures() {
        return (int) (hourlyProfile.stream().filter(Figure::shown).count() + dailyDevices.stream().filter(Figure::shown)
                .count());
    }

    @Override
    public int hiddenFigures() {
        return hourlyProfile.size() + dailyDevices.size() - shownFigures();
    }

    /** What the hourly profile's numbers are, for the chart title (the panel names the area). */
    public String hourlyProfileTitle() {
        return switch (selection.metric()) {
            case AVERAGE_HOURLY -> "Average devices per hour, by hour of day";
            case PEAK_HOUR -> "Devices in the busiest day at each hour of day (approximate)";
        };
    }

    public String dailyTitle() {
        return "Distinct devices per day";
    }

    /** Release and k, and the days the figures cover. */
    public String provenance() {
        return selection.days().label() + " " + selection.from() + " to " + selection.to() + " · Release "
                + release.id() + " · k = " + minimumCrowd + " · " + (release.noisy() ? "± = 95 % margin of the noise"
                        : "exact figures (no noise)");
    }
}
