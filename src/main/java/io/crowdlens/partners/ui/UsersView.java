package io.crowdlens.partners.ui;

import io.crowdlens.security.PasswordResetRequests;
import io.crowdlens.security.ui.PendingResetRequestsNotice;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.partners.UserAdministration;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;

/** Every user of every organisation, searchable: for finding someone without knowing their organisation. */
@Route("admin/users")
@PageTitle("Users · CrowdLens")
@Menu(order = 11, title = "Users")
@RolesAllowed(Role.ACCOUNT_MANAGER_ROLE)
class UsersView extends VerticalLayout {

    UsersView(UserAdministration users, PasswordResetRequests resets) {
        addClassName("crowdlens-page");
        add(new H2("Users"), new Paragraph("To invite someone, open their organisation."),
                new PendingResetRequestsNotice(resets), new UserPanel(users, null, true));
        setSizeFull();
    }
}
