package io.crowdlens.partners.ui;

import io.crowdlens.security.PasswordResetRequests;
import io.crowdlens.security.ui.PendingResetRequestsNotice;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.partners.UserAdministration;
import io.crowdlens.security.ApiTokens;
import io.crowdlens.security.CurrentUser;
import io.crowdlens.security.ui.ApiTokenGrid;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;

/**
 * A partner admin manages the people of their own organisation and their API tokens (and only those:
 * the services enforce it).
 */
@Route("team")
@PageTitle("Team · CrowdLens")
@Menu(order = 5, title = "Team")
@RolesAllowed(Role.PARTNER_ADMIN_ROLE)
class TeamView extends VerticalLayout {

    TeamView(UserAdministration users, ApiTokens tokens, CurrentUser currentUser, PasswordResetRequests resets) {
        addClassName("crowdlens-page");
        long organisation = currentUser.require().organisationId();
        add(new H2("Team"), new PendingResetRequestsNotice(resets), new UserPanel(users, organisation, false), new H3("API tokens"),
                new ApiTokenGrid(tokens, organisation));
        setSizeFull();
    }
}
