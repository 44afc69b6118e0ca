package io.crowdlens.visits.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.crowdlens.visits.PercentChange;
import java.util.List;

/**
 * A table of protected figures: one row per category (hour, day, length of stay, home area), for each
 * measure (e.g. weekdays, weekends) one column per compared item, and with exactly two items a
 * "change" column (second against first). Suppressed figures read "fewer than k".
 */
final class FigureTable extends Grid<FigureTable.Row> {

    /** @param figures {@code figures[measure][item]}; null = fewer than k */
    record Row(String label, Long[][] figures) {

        Long figure(int measure, int item) {
            return figures[measure][item];
        }
    }

    FigureTable(String id) {
        setId(id);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
    }

    /** Replaces columns and rows: {@code category} heads the first column, {@code measures} the figure groups. */
    void show(String category, List<String> measures, List<String> items, List<Row> rows, int k) {
        removeAllColumns();
        addColumn(Row::label).setHeader(category).setAutoWidth(true).setFlexGrow(0);
        for (int m = 0; m < measures.size(); m++) {
            int measure = m;
            String suffix = measures.get(m).isEmpty() ? "" : " · " + measures.get(m);
            for (int i = 0; i < items.size(); i++) {
                int item = i;
                addColumn(row -> FigureText.of(row.figure(measure, item), k)).setHeader(items.get(i) + suffix)
                        .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
            }
            if (items.size() == 2) {
                addColumn(row -> PercentChange.format(row.figure(measure, 0), row.figure(measure, 1)))
                        .setHeader("Change" + suffix).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
            }
        }
        setItems(rows);
    }
}
