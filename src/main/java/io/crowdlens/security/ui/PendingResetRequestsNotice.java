package io.crowdlens.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.crowdlens.security.PasswordResetRequests;
import io.crowdlens.security.PendingResetRequest;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * "Forgot password?" requests waiting for a link (decision 032), shown to the administrators who
 * issue links: hidden when there are none. The link itself is issued as before, from the user's
 * "Manage" dialog, which marks the request handled.
 */
public class PendingResetRequestsNotice extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (xxx)");

    public PendingResetRequestsNotice(PasswordResetRequests requests) {
        setId("pending-reset-requests");
        List<PendingResetRequest> pending = requests.pending();
        setVisible(!pending.isEmpty());
        if (pending.isEmpty()) {
            return;
        }
        add(new Paragraph(new Span("Password reset requested. Check it is really them, then open \"Manage\" and "
                + "send a password reset link (it also unlocks the account):")));
        UnorderedList list = new UnorderedList();
        for (PendingResetRequest r : pending) {
            ListItem item = new ListItem(r.displayName() + " (" + r.username() + "), since "
                    + WHEN.format(r.requestedAt()));
            item.setId("reset-request-" + r.userId());
            list.add(item);
        }
        add(list);
    }
}
