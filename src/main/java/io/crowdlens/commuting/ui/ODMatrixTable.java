package io.crowdlens.commuting.ui;

import io.crowdlens.common.Figure;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import io.crowdlens.commuting.OdMatrix;
import java.util.Locale;

/**
 * An origin-destination matrix as a heat table: rows are home districts, columns work districts,
 * shaded by commuters; pairs below k read "fewer than k", totals are sums of the cells shown. Names
 * reach the page as text only.
 */
class ODMatrixTable extends Div {

    ODMatrixTable() {
        addClassName("crowdlens-od-matrix");
        getStyle().set("overflow-x", "auto");
    }

    void clear() {
        removeAll();
        getElement().removeAllChildren();
    }

    void show(OdMatrix matrix) {
        clear();
        Element table = new Element("table");
        table.getStyle().set("border-collapse", "collapse").set("font-size", "var(--lumo-font-size-s)");
        Element caption = new Element("caption");
        caption.setText("Commuters from each row's district to each column's district, release " + matrix.release().id()
                + ". Cells below the minimum crowd of " + matrix.minimumCrowd() + " commuters are not shown (–); totals"
                + " are sums of the cells shown" + (matrix.release().noisy() ? "; ± is the 95 % margin of the noise." : "."));
        caption.getStyle().set("text-align", "left").set("padding", "0 0 var(--lumo-space-s) 0");
        table.appendChild(caption);
        Element head = new Element("tr");
        head.appendChild(th("Home \\ work"));
        matrix.districts().forEach(d -> head.appendChild(th(d.name())));
        head.appendChild(th("Total (shown)"));
        table.appendChild(head);
        long largest = Math.max(1, matrix.largest());
        for (int i = 0; i < matrix.districts().size(); i++) {
            Element row = new Element("tr");
            row.appendChild(th(matrix.districts().get(i).name()));
            for (int j = 0; j < matrix.districts().size(); j++) {
                Figure figure = matrix.cell(i, j);
                Long value = figure.rounded();
                Element td = td(i == j ? "" : value == null ? "not shown" : figure.shortText());
                if (value != null) {
                    double share = Math.sqrt(value / (double) largest);
                    td.getStyle().set("background", String.format(Locale.ROOT, "rgba(27, 108, 168, %.2f)", 0.12 + 0.78 * share))
                            .set("color", share > 0.55 ? "white" : "inherit");
                } else {
                    td.getStyle().set("color", "var(--lumo-secondary-text-color)");
                }
                row.appendChild(td);
            }
            row.appendChild(td(matrix.rowTotal(i).shortText()));
            table.appendChild(row);
        }
        Element totals = new Element("tr");
        totals.appendChild(th("Total (shown)"));
        for (int j = 0; j < matrix.districts().size(); j++) {
            totals.appendChild(td(matrix.columnTotal(j).shortText()));
        }
        totals.appendChild(td(matrix.total().shortText()));
        table.appendChild(totals);
        getElement().appendChild(table);
    }

    private static Element th(String text) {
        Element th = new Element("th");
        th.setText(text);
        th.getStyle().set("text-align", "left").set("padding", "4px 8px").set("border", "1px solid var(--lumo-contrast-10pct)");
        return th;
    }

    private static Element td(String text) {
        Element td = new Element("td");
        td.setText(text);
        td.getStyle().set("text-align", "right").set("padding", "4px 8px").set("border", "1px solid var(--lumo-contrast-10pct)");
        return td;
    }
}
