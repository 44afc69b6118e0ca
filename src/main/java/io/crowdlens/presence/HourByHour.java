package io.crowdlens.presence;

import io.crowdlens.figures.Answer;
import io.crowdlens.release.ReleaseSummary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The heatmap of each hour of day in a selection's hour range, for playing the map hour by hour with
 * one colour scale fixed over all of them. Each hour's figures are the selection's metric over the
 * selected days at that hour only, each stored figure checked against k first.
 */
public record HourByHour(ReleaseSummary release, int minimumCrowd, PresenceSelection selection,
        Map<Integer, Heatmap> hours) implements Answer {

    public HourByHour {
        hours = java.util.Collections.unmodifiableMap(new TreeMap<>(hours));
    }

    /** Every shown figure of every hour: what a colour scale fixed over the window is built from. */
    public long[] allShownValues() {
        return hours.values().stream().flatMap(h -> h.figures().stream())
                .filter(f -> !f.suppressed()).mapToLong(AreaFigure::value).toArray();
    }

    public List<Integer> hoursOfDay() {
        return List.copyOf(hours.keySet());
    }

    @Override
    public int shownFigures() {
        return hours.values().stream().mapToInt(Heatmap::shownFigures).sum();
    }

    @Override
    public int hiddenFigures() {
        return hours.values().stream().mapToInt(Heatmap::hiddenFigures).sum();
    }
}
