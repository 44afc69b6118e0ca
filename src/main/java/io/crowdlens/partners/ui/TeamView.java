package io.crowdlens.partners.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.partners.UserAdministration;
import io.crowdlens.security.CurrentUser;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;

/** A partner admin manages the people of their own organisation (and only those: the service enforces it). */
@Route("team")
@PageTitle("Team · CrowdLens")
@Menu(order = 5, title = "Team")
@RolesAllowed(Role.PARTNER_ADMIN_ROLE)
class TeamView extends VerticalLayout {

    TeamView(UserAdministration users, CurrentUser currentUser) {
        addClassName("crowdlens-page");
        add(new H2("Team"), new UserPanel(users, currentUser.require().organisationId(), false));
        setSizeFull();
    }
}
