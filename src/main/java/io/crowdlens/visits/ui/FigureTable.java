package io.crowdlens.visits.ui;

import io.crowdlens.common.Figure;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.Div;
import io.crowdlens.visits.PercentChange;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of protected figures: one row per category (hour, day, length of stay, home area), for each
 * measure (e.g. weekdays, weekends) one column per compared item under a joined heading, and with exactly
 * two items a "Change" column (second against first). Hidden figures read "not shown". The grid
 * is made afresh for every answer, since its columns depend on what is compared.
 */
final class FigureTable extends Div {

    /** @param figures {@code figures[measure][item]}; null = nothing to compare (the item has no such row) */
    record Row(String label, Figure[][] figures) {

        Figure figure(int measure, int item) {
            Figure figure = figures[measure][item];
            return figure == null ? Figure.hidden() : figure;
        }
    }

    private final String id;

    FigureTable(String id) {
        this.id = id;
        setWidthFull();
    }

    /** Replaces the table: {@code category} heads the first column, each of {@code measures} a group of columns. */
    void show(String category, List<String> measures, List<String> items, List<Row> rows, int k) {
        removeAll();
        Grid<Row> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        Grid.Column<Row> first = grid.addColumn(Row::label).setHeader(category).setAutoWidth(true).setFlexGrow(0);
        List<List<Grid.Column<Row>>> groups = new ArrayList<>();
        for (int m = 0; m < measures.size(); m++) {
            int measure = m;
            List<Grid.Column<Row>> group = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                int item = i;
                group.add(grid.addColumn(row -> FigureText.of(row.figure(measure, item), k)).setHeader(items.get(i))
                        .setTextAlign(ColumnTextAlign.END).setAutoWidth(true));
            }
            if (items.size() == 2) {
                group.add(grid.addColumn(row -> PercentChange.format(row.figure(measure, 0), row.figure(measure, 1)))
                        .setHeader("Change").setTextAlign(ColumnTextAlign.END).setAutoWidth(true));
            }
            groups.add(group);
        }
        if (measures.stream().anyMatch(m -> !m.isEmpty())) {
            HeaderRow top = grid.prependHeaderRow();
            top.getCell(first).setText("");
            for (int m = 0; m < measures.size(); m++) {
                List<Grid.Column<Row>> group = groups.get(m);
                (group.size() > 1 ? top.join(group.toArray(Grid.Column[]::new)) : top.getCell(group.getFirst()))
                        .setText(measures.get(m));
            }
        }
        grid.setItems(rows);
        add(grid);
    }

    void clear() {
        removeAll();
    }
}
