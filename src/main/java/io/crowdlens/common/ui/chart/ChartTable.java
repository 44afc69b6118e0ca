package io.crowdlens.common.ui.chart;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.crowdlens.common.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a {@link Chart} as a table, below it behind "Show as table": one row per category,
 * one column per series, each cell "240 ± 9" or "not shown (below the minimum crowd)". For readers
 * who cannot or do not want to read a chart, and for copying figures exactly.
 */
public class ChartTable extends Details {

    /** One category of the chart with each series' figure as text. */
    public record Row(String category, List<String> figures) {
    }

    private final Grid<Row> grid = new Grid<>();

    ChartTable() {
        setSummaryText("Show as table");
        getElement().setAttribute("slot", "table");
        addClassName("crowdlens-chart-table");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        add(grid);
        setWidthFull();
    }

    void show(ChartData data) {
        grid.removeAllColumns();
        grid.addColumn(Row::category).setHeader(data.xAxisTitle().isEmpty() ? "Category" : data.xAxisTitle())
                .setAutoWidth(true).setFlexGrow(0);
        for (int s = 0; s < data.series().size(); s++) {
            int index = s;
            String header = data.series().size() == 1 ? data.yAxisTitle() : data.series().get(s).name();
            grid.addColumn(row -> row.figures().get(index)).setHeader(header.isEmpty() ? "Figure" : header)
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        }
        grid.setItems(rows(data));
    }

    void clear() {
        grid.setItems(List.of());
    }

    /** The rows as the table shows them. */
    public List<Row> rows() {
        return grid.getListDataView().getItems().toList();
    }

    static List<Row> rows(ChartData data) {
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < data.categories().size(); c++) {
            List<String> figures = new ArrayList<>();
            for (ChartSeries series : data.series()) {
                figures.add(text(series.values().get(c), series.margins().get(c)));
            }
            rows.add(new Row(data.categories().get(c), List.copyOf(figures)));
        }
        return rows;
    }

    /** "240 ± 9", "240" (exact) or the hidden text: never 0 for a hidden figure. */
    static String text(Long value, Long margin) {
        if (value == null) {
            return Figure.HIDDEN_TEXT;
        }
        String shown = String.format(Locale.ENGLISH, "%,d", value);
        return margin == null || margin == 0 ? shown : shown + " ± " + margin;
    }
}
