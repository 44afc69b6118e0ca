package io.crowdlens.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/** Recovery codes, shown once: the server keeps only their hashes. */
class RecoveryCodeList extends Div {

    RecoveryCodeList(List<String> codes) {
        setId("recovery-codes");
        add(new Paragraph("Your recovery codes. Each works once, if you lose your phone. Keep them somewhere safe: "
                + "this is the only time they are shown."));
        UnorderedList list = new UnorderedList();
        list.getStyle().set("font-family", "monospace").set("columns", "2");
        codes.forEach(code -> list.add(new ListItem(code)));
        add(list);
    }
}
