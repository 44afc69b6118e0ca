package io.crowdlens.partners.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.partners.OrganisationDirectory;
import io.crowdlens.partners.TeamMember;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** A partner admin's view of the people in their own organisation. */
@Route("team")
@PageTitle("Team · CrowdLens")
@Menu(order = 5, title = "Team")
@RolesAllowed(Role.PARTNER_ADMIN_ROLE)
class TeamView extends VerticalLayout {

    TeamView(OrganisationDirectory directory) {
        addClassName("crowdlens-page");
        Grid<TeamMember> grid = new Grid<>();
        grid.setId("team");
        grid.addColumn(TeamMember::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(TeamMember::username).setHeader("Email").setAutoWidth(true);
        grid.addColumn(m -> m.roles().stream().map(Role::label).sorted().collect(Collectors.joining(", ")))
                .setHeader("Roles").setAutoWidth(true);
        grid.addColumn(m -> !m.enabled() ? "Disabled" : m.locked() ? "Locked" : "Active").setHeader("Status").setAutoWidth(true);
        grid.addColumn(m -> m.lastSignIn() == null ? "Never"
                : DateTimeFormatter.ISO_LOCAL_DATE.format(m.lastSignIn())).setHeader("Last sign-in").setAutoWidth(true);
        grid.setItems(directory.myTeam());
        add(new H2("Team"), grid);
        setSizeFull();
    }
}
