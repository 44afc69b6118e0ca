package io.crowdlens.visits.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.crowdlens.export.Export;
import io.crowdlens.export.ui.ExportButtons;
import io.crowdlens.visits.SiteFigures;
import io.crowdlens.visits.VisitorsAnswer;
import io.crowdlens.figures.SelectionBlockedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One question of the Visitors view: a heading, the sentence saying what the numbers are, a chart and a
 * table (drawn by the subclass), a message when the selection is too small, and the table's CSV export
 * through the shared download (which runs the query service's export for the same items).
 */
abstract class FiguresPanel extends VerticalLayout {

    private final Paragraph description = new Paragraph();
    private final Div message = new Div();
    private final ExportButtons download;
    /** The items shown; read by the export when the user downloads (outside the UI lock). */
    private volatile List<Compared> items = List.of();

    FiguresPanel(String id, String heading, Function<List<Compared>, Export> export) {
        setId(id + "-panel");
        setPadding(false);
        description.setId(id + "-description");
        description.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        message.setId(id + "-message");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        download = new ExportButtons("Export CSV", id + "-export", id + "-export-status",
                target -> export.apply(items).writeTo(target));
        add(new H3(heading), description, message);
    }

    /** Adds the panel's chart and table, then the export button. */
    void addFigures(Component... figures) {
        add(figures);
        add(download);
    }

    final void show(List<Compared> shown) {
        this.items = List.copyOf(shown);
        message.setText("");
        description.setText("");
        refresh(items);
    }

    abstract void refresh(List<Compared> items);

    /**
     * Asks for each item; an item too small to show anything is null (its figures read "fewer than k") and
     * its refusal is explained. Empty when no item can be shown: the chart and table are then cleared.
     */
    <T> Optional<List<VisitorsAnswer<T>>> answers(List<Compared> items, Function<Compared, VisitorsAnswer<T>> ask) {
        List<VisitorsAnswer<T>> answers = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Compared item : items) {
            try {
                answers.add(ask.apply(item));
            } catch (SelectionBlockedException blocked) {
                answers.add(null);
                refused.add((items.size() > 1 ? item.label() + ": " : "") + blocked.getMessage());
            }
        }
        message.setText(String.join(" ", refused));
        VisitorsAnswer<T> shown = answers.stream().filter(a -> a != null).findFirst().orElse(null);
        if (shown == null) {
            download.setEnabled(false);
            return Optional.empty();
        }
        download.setEnabled(true);
        description.setText(answers.stream().filter(a -> a != null).map(VisitorsAnswer::description).distinct()
                .reduce((a, b) -> a + " " + b).orElse(""));
        return Optional.of(answers);
    }

    /** The item's rows for its site, or empty when the item was refused. */
    static <T> List<T> rowsOf(VisitorsAnswer<T> answer, Compared item) {
        if (answer == null) {
            return List.of();
        }
        return answer.sites().stream().filter(s -> s.site().id() == item.site().id()).findFirst()
                .map(SiteFigures::rows).orElse(List.of());
    }

    static int minimumCrowd(List<? extends VisitorsAnswer<?>> answers) {
        return answers.stream().filter(a -> a != null).mapToInt(VisitorsAnswer::minimumCrowd).max().orElse(0);
    }

    static String provenance(List<? extends VisitorsAnswer<?>> answers) {
        return answers.stream().filter(a -> a != null).findFirst()
                .map(a -> "Release " + a.release().id() + " · k = " + a.minimumCrowd()).orElse("");
    }
}
