package io.crowdlens.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.crowdlens.common.ui.EmptyState;
import io.crowdlens.security.CrowdLensUser;
import io.crowdlens.security.CurrentUser;
import io.crowdlens.security.Role;
import jakarta.annotation.security.PermitAll;

/** The root URL sends each user to the landing page of their main role. */
@Route("")
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    private final CurrentUser currentUser;

    public HomeView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CrowdLensUser user = currentUser.require();
        if (user.has(Role.PARTNER_ANALYST) || user.has(Role.PARTNER_ADMIN)) {
            event.forwardTo("overview");
        } else if (user.has(Role.ACCOUNT_MANAGER)) {
            event.forwardTo("admin/organisations");
        } else if (user.has(Role.DATA_OPERATOR)) {
            event.forwardTo("operations/releases");
        } else {
            add(new EmptyState("No role assigned",
                    "Your account has no role yet. Ask your administrator to assign one."));
        }
    }
}
