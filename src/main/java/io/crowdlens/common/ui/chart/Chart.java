package io.crowdlens.common.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bar or line chart of protected figures (frontend/components/chart.ts, ECharts 6 underneath).
 * Give it a {@link ChartData}: a title saying what the numbers are, axis titles, categories (hours of
 * day, days, dwell buckets) and one or more {@link ChartSeries}. Several bar series are drawn grouped
 * side by side (weekday vs weekend, site A vs site B, period 1 vs period 2).
 *
 * <p>A suppressed value ({@code null}) is drawn as a gap with a hollow marker on the axis, in a legend
 * entry "not shown (below the minimum crowd)": never a bar or point of any height. Tooltips give each
 * value with its 95 % margin; category labels are rotated, then thinned, so they never overlap; and a
 * "Show as table" {@link ChartTable} below the chart lists every figure. Names reach the browser as text
 * only (tooltips are built with {@code textContent}), so names from operator files cannot inject
 * markup. Works offline (no tiles, fonts or scripts from elsewhere) and fills the size the view gives
 * it (default: full width, 300 px high).
 *
 * <pre>{@code
 * Chart chart = new Chart();
 * chart.show(ChartData.byHourOfDay("Average devices per hour in Old Town, weekdays", "Devices per hour",
 *         List.of(ChartSeries.bars("Weekdays", weekdayValues).highlight(peakHour)), k));
 * }</pre>
 */
@Tag("crowdlens-chart")
@NpmPackage(value = "echarts", version = "6.0.0")
@JsModule("./components/chart.ts")
public class Chart extends Component implements HasSize {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ChartData data;
    private final ChartTable table = new ChartTable();

    public Chart() {
        setWidthFull();
        setHeight("300px");
        getElement().appendChild(table.getElement());
    }

    /** The height of the drawing; the table below it adds its own (collapsed: one line). */
    @Override
    public void setHeight(String height) {
        if (height == null) {
            getStyle().remove("--crowdlens-chart-height");
        } else {
            getStyle().set("--crowdlens-chart-height", height);
        }
    }

    @Override
    public String getHeight() {
        return getStyle().get("--crowdlens-chart-height");
    }

    /** The figures below the chart ("Show as table"). */
    public ChartTable table() {
        return table;
    }

    /** Draws {@code data}, replacing whatever was drawn before. */
    public void show(ChartData data) {
        this.data = data;
        table.show(data);
        getElement().callJsFunction("setData", JSON.writeValueAsString(data));
    }

    /** Removes the drawing (for example while a selection is blocked). */
    public void clear() {
        this.data = null;
        table.clear();
        getElement().callJsFunction("clear");
    }

    /** What is drawn now, if anything: lets views and tests read the chart as a user would. */
    public Optional<ChartData> data() {
        return Optional.ofNullable(data);
    }
}
