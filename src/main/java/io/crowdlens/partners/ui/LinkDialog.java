package io.crowdlens.partners.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.crowdlens.partners.Invitation;
import java.time.format.DateTimeFormatter;

/** Tells the administrator the link went by mail, or shows it once for them to pass on. */
class LinkDialog extends Dialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    LinkDialog(Invitation invitation) {
        setHeaderTitle(invitation.mailed() ? "Link sent" : "Pass this link on");
        setId("link-dialog");
        String expires = WHEN.format(invitation.link().expiresAt());
        if (invitation.mailed()) {
            add(new Paragraph("A one-time link was mailed to " + invitation.email() + ". It works once, until "
                    + expires + "."));
        } else {
            add(new Paragraph("Send this one-time link to " + invitation.email() + " yourself (no mail server is "
                    + "configured). It works once, until " + expires + ", and is not shown again."));
            TextField link = new TextField();
            link.setId("one-time-link");
            link.setValue(invitation.linkToPassOn());
            link.setReadOnly(true);
            link.setWidthFull();
            add(link);
        }
        Button close = new Button("Done", e -> close());
        close.setId("close-link-dialog");
        close.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(close);
        setWidth("36rem");
    }
}
