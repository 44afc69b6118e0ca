package io.crowdlens.common.ui.chart;

import io.crowdlens.common.Figure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One named series of a {@link Chart}: one value per category of the chart, {@code null} where the
 * figure is not shown (below the minimum crowd; drawn as a gap with a marker, never as a bar), and
 * each value's 95 % noise margin (0: exact). Highlighted indexes (for example the peak hour) are drawn
 * outlined with their value on top.
 *
 * @param name shown in the legend and tooltip (as text; may come from operator files)
 * @param kind bars or a line
 * @param values one per category; {@code null} = not shown
 * @param margins one per category: the value's 95 % margin (0 for exact or hidden values)
 * @param highlighted indexes into {@code values} to emphasise
 */
public record ChartSeries(String name, Kind kind, List<Long> values, List<Long> margins, Set<Integer> highlighted) {

    public enum Kind { BAR, LINE }

    public ChartSeries {
        if (name == null || kind == null || values == null) {
            throw new IllegalArgumentException("a series needs a name, a kind and values");
        }
        values = Collections.unmodifiableList(new ArrayList<>(values)); // List.copyOf refuses nulls
        margins = margins == null ? Collections.nCopies(values.size(), 0L) : List.copyOf(margins);
        if (margins.size() != values.size()) {
            throw new IllegalArgumentException("one margin per value");
        }
        for (int index : highlighted) {
            if (index < 0 || index >= values.size()) {
                throw new IllegalArgumentException("highlighted index " + index + " is outside the values");
            }
        }
        highlighted = Collections.unmodifiableSet(new TreeSet<>(highlighted));
    }

    public static ChartSeries bars(String name, List<Long> values) {
        return new ChartSeries(name, Kind.BAR, values, null, Set.of());
    }

    public static ChartSeries line(String name, List<Long> values) {
        return new ChartSeries(name, Kind.LINE, values, null, Set.of());
    }

    /** Bars of protected figures: their rounded values and margins. */
    public static ChartSeries barsOf(String name, List<Figure> figures) {
        return new ChartSeries(name, Kind.BAR, figures.stream().map(Figure::rounded).toList(),
                figures.stream().map(Figure::margin).toList(), Set.of());
    }

    /** A line of protected figures: their rounded values and margins. */
    public static ChartSeries lineOf(String name, List<Figure> figures) {
        return new ChartSeries(name, Kind.LINE, figures.stream().map(Figure::rounded).toList(),
                figures.stream().map(Figure::margin).toList(), Set.of());
    }

    /** The same series with {@code indexes} highlighted (added to any already highlighted). */
    public ChartSeries highlight(int... indexes) {
        Set<Integer> all = new TreeSet<>(highlighted);
        for (int index : indexes) {
            all.add(index);
        }
        return new ChartSeries(name, kind, values, margins, all);
    }

    /** The same series with its largest shown value highlighted (all of them on a tie); none if all suppressed. */
    public ChartSeries highlightPeak() {
        long peak = values.stream().filter(v -> v != null).mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
        int[] peaks = java.util.stream.IntStream.range(0, values.size())
                .filter(i -> values.get(i) != null && values.get(i) == peak).toArray();
        return highlight(peaks);
    }

    /** How many values are suppressed. */
    public long suppressedCount() {
        return values.stream().filter(v -> v == null).count();
    }
}
