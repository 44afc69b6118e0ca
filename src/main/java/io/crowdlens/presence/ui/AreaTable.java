package io.crowdlens.presence.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.crowdlens.presence.AreaFigure;
import io.crowdlens.presence.Heatmap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The areas of the map with their figures, beside the map: sortable by name or figure, searchable by
 * name, and linked both ways with the map (choosing a row highlights the area; clicking an area
 * chooses its row). Hidden figures read "not shown" and sort with the smallest, as a zero would:
 * the table, like the map, never tells a hidden figure from an empty area.
 */
class AreaTable extends VerticalLayout {

    static final String HIDDEN = "not shown";

    private final TextField search = new TextField();
    private final Grid<AreaFigure> grid = new Grid<>();
    private final Span note = new Span();
    private final List<AreaFigure> rows = new ArrayList<>();
    private final ListDataProvider<AreaFigure> data = new ListDataProvider<>(rows);
    private boolean selecting;

    AreaTable(LongConsumer onChoose) {
        setId("area-table-panel");
        setPadding(false);
        setSpacing(false);
        setWidth("22em");
        setHeightFull();
        search.setId("area-search");
        search.setPlaceholder("Search areas by name");
        search.setAriaLabel("Search areas by name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.EAGER);
        search.setWidthFull();
        search.addValueChangeListener(e -> filter(e.getValue()));
        grid.setId("area-table");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(AreaFigure::name).setKey("area").setHeader("Area").setSortable(true)
                .setComparator(Comparator.comparing(AreaFigure::name, String.CASE_INSENSITIVE_ORDER)).setFlexGrow(1)
                .setResizable(true);
        grid.addColumn(AreaTable::figureText).setKey("figure").setHeader("Figure").setSortable(true)
                .setComparator(Comparator.comparing((AreaFigure f) -> f.figure().shown() ? value(f) : 0.0))
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.setItems(data);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (!selecting && e.getValue() != null) {
                onChoose.accept(e.getValue().areaId());
            }
        });
        grid.setWidthFull();
        note.setId("area-table-note");
        note.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        add(search, grid, note);
        setFlexGrow(1, grid);
    }

    private static double value(AreaFigure f) {
        return ((io.crowdlens.common.Figure.Shown) f.figure()).value();
    }

    static String figureText(AreaFigure f) {
        return f.figure().shown() ? f.figure().shortText() : HIDDEN;
    }

    /** Shows the heatmap's areas (the search and the chosen row stay). */
    void show(Heatmap heatmap) {
        Long chosen = chosen().map(AreaFigure::areaId).orElse(null);
        rows.clear();
        rows.addAll(heatmap.figures());
        data.refreshAll();
        note.setText("± = 95 % margin of the noise. \"" + HIDDEN + "\": below the minimum crowd of "
                + heatmap.minimumCrowd() + " (not zero); sorted with the smallest.");
        if (chosen != null) {
            choose(chosen);
        }
    }

    void clear() {
        rows.clear();
        data.refreshAll();
        note.setText("");
    }

    /** Chooses the area's row (as a click on the map does) without telling the listener. */
    void choose(Long areaId) {
        selecting = true;
        try {
            if (areaId == null) {
                grid.asSingleSelect().clear();
                return;
            }
            Optional<AreaFigure> row = rows.stream().filter(f -> f.areaId() == areaId).findFirst();
            if (row.isEmpty()) {
                grid.asSingleSelect().clear();
                return;
            }
            if (!matches(row.get(), search.getValue())) {
                search.clear();
            }
            grid.select(row.get());
            grid.scrollToItem(row.get());
        } finally {
            selecting = false;
        }
    }

    Optional<AreaFigure> chosen() {
        return Optional.ofNullable(grid.asSingleSelect().getValue());
    }

    private void filter(String text) {
        data.setFilter(f -> matches(f, text));
    }

    private static boolean matches(AreaFigure figure, String text) {
        return text == null || text.isBlank()
                || figure.name().toLowerCase(Locale.ROOT).contains(text.strip().toLowerCase(Locale.ROOT));
    }
}
