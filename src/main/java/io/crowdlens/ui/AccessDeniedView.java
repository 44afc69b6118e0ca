package io.crowdlens.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;

/** Shown, with status 403, when a signed-in user opens a page their role does not allow. Audited. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    private final AuditLog audit;
    private final CurrentUser currentUser;

    public AccessDeniedView(AuditLog audit, CurrentUser currentUser) {
        this.audit = audit;
        this.currentUser = currentUser;
        setId("access-denied");
        addClassName("crowdlens-page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        add(new H2("You do not have access to this page"),
                new Paragraph("Your role does not include this part of CrowdLens. "
                        + currentUser.find().map(AccessDeniedView::whoToAsk).orElse("Sign in to continue.")));
        currentUser.find().ifPresent(user -> audit.record(user.username(), user.organisationId(),
                AuditAction.ACCESS_DENIED, AuditOutcome.DENIED, "/" + event.getLocation().getPath()));
        return HttpServletResponse.SC_FORBIDDEN;
    }

    /** Who can give this user more access: a partner's own admin first, operator staff ask each other. */
    static String whoToAsk(io.crowdlens.security.CrowdLensUser user) {
        if (user.isOperatorStaff()) {
            return "Account managers look after partners and their licences, data operators after data releases;"
                    + " if your work needs the other role, ask a colleague who manages CrowdLens accounts.";
        }
        if (user.has(io.crowdlens.security.Role.PARTNER_ADMIN)) {
            return "Pages outside your organisation's licences and team belong to the operator's staff;"
                    + " if your organisation needs more, ask your account manager.";
        }
        return "If you need it, ask your organisation's CrowdLens administrator (a partner admin)"
                + " or your account manager.";
    }
}
