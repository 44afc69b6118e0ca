package io.crowdlens.presence;

import io.crowdlens.figures.Answer;
import io.crowdlens.release.ReleaseSummary;
import java.util.List;
import java.util.Locale;

/**
 * The answer to a {@link PresenceSelection}: one figure per licensed area, the release and k that
 * produced them, and a sentence saying exactly what the numbers are.
 */
public record Heatmap(ReleaseSummary release, int minimumCrowd, PresenceSelection selection, int hoursSelected,
        List<AreaFigure> figures) implements Answer {

    public Heatmap {
        figures = List.copyOf(figures);
    }

    public long suppressedCount() {
        return figures.stream().filter(AreaFigure::suppressed).count();
    }

    @Override
    public int shownFigures() {
        return figures.size() - (int) suppressedCount();
    }

    @Override
    public int hiddenFigures() {
        return (int) suppressedCount();
    }

    public String description() {
        PresenceSelection s = selection;
        String what = switch (s.metric()) {
            case AVERAGE_HOURLY -> "Average number of distinct devices per hour in each area";
            case PEAK_HOUR -> "Distinct devices in each area's busiest hour (approximate: the highest of noisy figures)";
        };
        return what + ", " + s.days().label().toLowerCase(Locale.ROOT) + " " + s.from() + " to " + s.to()
                + ", " + String.format("%02d:00-%02d:59", s.firstHour(), s.lastHour()) + " " + release.timeZone()
                + " (" + hoursSelected + " hours). Release " + release.id() + ", minimum crowd k = " + minimumCrowd
                + (s.metric() == PresenceMetric.AVERAGE_HOURLY
                        ? "; hours not shown (below the minimum crowd) count as zero" : "")
                + ". " + release.figureSentence() + ".";
    }
}
