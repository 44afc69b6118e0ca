package io.crowdlens.common.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's Java API: what a view can and cannot hand it. */
class ChartDataTest {

    @Test
    void peakHourIsHighlightedAndSuppressedHoursStayNull() {
        Long[] values = new Long[24];
        values[8] = 40L;
        values[12] = 55L;
        values[17] = 55L;
        ChartSeries series = ChartSeries.bars("Weekdays", Arrays.asList(values)).highlightPeak();

        assertThat(series.highlighted()).containsExactly(12, 17);
        assertThat(series.suppressedCount()).isEqualTo(21);
        ChartData chart = ChartData.byHourOfDay("Average devices per hour in Old Town", "Release 1 · k = 15",
                "Devices per hour", "devices", List.of(series), 15);
        assertThat(chart.categories()).hasSize(24).startsWith("00", "01").endsWith("23");
        assertThat(chart.xAxisTitle()).isEqualTo("Hour of day");
    }

    @Test
    void dailySeriesAreLabelledByDay() {
        ChartData chart = ChartData.byDay("Distinct devices per day", "", "Devices", "devices",
                List.of(LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 20)),
                List.of(ChartSeries.line("Old Town", Arrays.asList(120L, null))), 15);

        assertThat(chart.categories()).containsExactly("Mon 19 Oct", "Tue 20 Oct");
    }

    @Test
    void aChartMustSayWhatItShowsAndFitItsCategories() {
        assertThatThrownBy(() -> ChartData.byHourOfDay(" ", "", "y", "", List.of(ChartSeries.bars("a",
                Arrays.asList(new Long[24]))), 15)).hasMessageContaining("title");
        assertThatThrownBy(() -> ChartData.byHourOfDay("t", "", "y", "", List.of(ChartSeries.bars("a",
                List.of(1L, 2L))), 15)).hasMessageContaining("2 values for 24 categories");
        assertThatThrownBy(() -> ChartSeries.bars("a", List.of(1L)).highlight(3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
