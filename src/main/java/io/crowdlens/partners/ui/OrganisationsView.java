package io.crowdlens.partners.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.partners.OrganisationDirectory;
import io.crowdlens.partners.OrganisationSummary;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;

/** Account managers' landing page: every organisation, paged from the database and searchable. */
@Route("admin/organisations")
@PageTitle("Organisations · CrowdLens")
@Menu(order = 10, title = "Organisations")
@RolesAllowed(Role.ACCOUNT_MANAGER_ROLE)
class OrganisationsView extends VerticalLayout {

    OrganisationsView(OrganisationDirectory directory) {
        addClassName("crowdlens-page");
        TextField search = new TextField();
        search.setPlaceholder("Search organisations");
        search.setId("organisation-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        Grid<OrganisationSummary> grid = new Grid<>();
        grid.setId("organisations");
        grid.addColumn(OrganisationSummary::name).setHeader("Organisation").setAutoWidth(true);
        grid.addColumn(o -> o.kind().equals("OPERATOR") ? "Operator" : "Partner").setHeader("Kind").setAutoWidth(true);
        grid.addColumn(o -> o.status().equals("ACTIVE") ? "Active" : "Suspended").setHeader("Status").setAutoWidth(true);
        grid.addColumn(OrganisationSummary::users).setHeader("Users").setAutoWidth(true);
        grid.addColumn(OrganisationSummary::activeLicences).setHeader("Active licences").setAutoWidth(true);
        grid.setItems(
                query -> directory.organisations(search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> directory.countOrganisations(search.getValue()));
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add(new H2("Organisations"), search, grid);
        setSizeFull();
    }
}
