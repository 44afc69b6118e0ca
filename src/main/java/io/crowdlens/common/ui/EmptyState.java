package io.crowdlens.common.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

/** A friendly explanation where there is nothing to show yet. */
public class EmptyState extends Div {

    public EmptyState(String title, String explanation) {
        addClassName("crowdlens-empty-state");
        add(new H3(title), new Paragraph(explanation));
    }
}
