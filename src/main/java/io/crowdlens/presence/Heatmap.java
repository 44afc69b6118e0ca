package io.crowdlens.presence;

import io.crowdlens.release.ReleaseSummary;
import java.util.List;

/**
 * The answer to a {@link PresenceSelection}: one figure per licensed area, the release and k that
 * produced them, and a sentence saying exactly what the numbers are.
 */
public record Heatmap(ReleaseSummary release, int minimumCrowd, PresenceSelection selection, int hoursSelected,
        List<AreaFigure> figures) {

    public Heatmap {
        figures = List.copyOf(figures);
    }

    public long suppressedCount() {
        return figures.stream().filter(AreaFigure::suppressed).count();
    }

    public String description() {
        PresenceSelection s = selection;
        String what = switch (s.metric()) {
            case AVERAGE_HOURLY -> "Average number of distinct devices per hour in each area";
            case PEAK_HOUR -> "Distinct devices in each area's busiest hour";
        };
        return what + ", " + s.days().label().toLowerCase(java.util.Locale.ROOT) + " " + s.from() + " to " + s.to()
                + ", " + String.format("%02d:00-%02d:59", s.firstHour(), s.lastHour()) + " " + release.timeZone()
                + " (" + hoursSelected + " hours). Release " + release.id() + ", minimum crowd k = " + minimumCrowd
                + (s.metric() == PresenceMetric.AVERAGE_HOURLY ? "; hours with fewer than k devices count as zero" : "")
                + ".";
    }
}
