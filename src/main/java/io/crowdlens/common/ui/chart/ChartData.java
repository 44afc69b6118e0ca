package io.crowdlens.common.ui.chart;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Everything a {@link Chart} draws. The title says what the numbers are ("Average devices per hour
 * in Old Town, weekdays 19-23 Oct"); the subtitle names the release and k; the axis titles name the
 * categories and the unit. Every series has one value per category.
 *
 * @param title what the numbers are
 * @param subtitle provenance, e.g. "Release 3 · k = 15" (may be empty)
 * @param xAxisTitle e.g. "Hour of day"
 * @param yAxisTitle e.g. "Devices per hour"
 * @param valueUnit appended to values in tooltips, e.g. "devices" (may be empty)
 * @param categories the x-axis labels
 * @param series one or more series; several bar series are drawn grouped
 * @param minimumCrowd k, named in the subtitle; suppressed values read "not shown (below the minimum crowd)"
 */
public record ChartData(String title, String subtitle, String xAxisTitle, String yAxisTitle, String valueUnit,
        List<String> categories, List<ChartSeries> series, int minimumCrowd) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    public ChartData {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a chart needs a title saying what the numbers are");
        }
        subtitle = subtitle == null ? "" : subtitle;
        xAxisTitle = xAxisTitle == null ? "" : xAxisTitle;
        yAxisTitle = yAxisTitle == null ? "" : yAxisTitle;
        valueUnit = valueUnit == null ? "" : valueUnit;
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series");
        }
        for (ChartSeries s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
        if (minimumCrowd < 1) {
            throw new IllegalArgumentException("k must be positive");
        }
    }

    /** A chart over the 24 hours of the day (hourly profiles, departure hours, visitors by hour). */
    public static ChartData byHourOfDay(String title, String subtitle, String yAxisTitle, String valueUnit,
            List<ChartSeries> series, int minimumCrowd) {
        return new ChartData(title, subtitle, "Hour of day", yAxisTitle, valueUnit, hoursOfDay(), series,
                minimumCrowd);
    }

    /** A chart with one category per day (daily series), labelled like "Mon 19 Oct". */
    public static ChartData byDay(String title, String subtitle, String yAxisTitle, String valueUnit,
            List<LocalDate> days, List<ChartSeries> series, int minimumCrowd) {
        return new ChartData(title, subtitle, "Day", yAxisTitle, valueUnit, days.stream().map(DAY::format).toList(),
                series, minimumCrowd);
    }

    /** "00" to "23". */
    public static List<String> hoursOfDay() {
        return IntStream.range(0, 24).mapToObj(h -> String.format("%02d", h)).toList();
    }
}
