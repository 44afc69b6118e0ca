package io.crowdlens.partners.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.partners.AdministrationException;
import io.crowdlens.partners.OrganisationAdministration;
import io.crowdlens.partners.OrganisationDirectory;
import io.crowdlens.partners.OrganisationKind;
import io.crowdlens.partners.OrganisationSummary;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;

/** Account managers' landing page: every organisation, paged from the database and searchable. */
@Route("admin/organisations")
@PageTitle("Organisations · CrowdLens")
@Menu(order = 10, title = "Organisations")
@RolesAllowed(Role.ACCOUNT_MANAGER_ROLE)
class OrganisationsView extends VerticalLayout {

    private final OrganisationAdministration administration;
    private final Grid<OrganisationSummary> grid = new Grid<>();

    OrganisationsView(OrganisationDirectory directory, OrganisationAdministration administration) {
        this.administration = administration;
        addClassName("crowdlens-page");
        TextField search = new TextField();
        search.setPlaceholder("Search organisations");
        search.setId("organisation-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        search.setClearButtonVisible(true);
        Button create = new Button("New organisation", e -> new CreateDialog().open());
        create.setId("new-organisation");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        grid.setId("organisations");
        grid.addColumn(OrganisationSummary::name).setHeader("Organisation").setAutoWidth(true);
        grid.addColumn(o -> o.organisationKind().label()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(o -> o.suspended() ? "Suspended" : "Active").setHeader("Status").setAutoWidth(true);
        grid.addColumn(OrganisationSummary::users).setHeader("Users").setAutoWidth(true);
        grid.addColumn(OrganisationSummary::activeLicences).setHeader("Active licences").setAutoWidth(true);
        grid.setItems(
                query -> directory.organisations(search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> directory.countOrganisations(search.getValue()));
        grid.addItemClickListener(e -> openOrganisation(e.getItem().id()));
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add(new H2("Organisations"), new HorizontalLayout(search, create), grid);
        setSizeFull();
    }

    private void openOrganisation(long organisationId) {
        getUI().ifPresent(ui -> ui.navigate(OrganisationView.class, organisationId));
    }

    private class CreateDialog extends Dialog {
        CreateDialog() {
            setHeaderTitle("New organisation");
            setId("create-organisation-dialog");
            TextField name = new TextField("Name");
            name.setId("organisation-name");
            name.setWidthFull();
            name.setMaxLength(200);
            RadioButtonGroup<OrganisationKind> kind = new RadioButtonGroup<>("Kind");
            kind.setId("organisation-kind");
            kind.setItems(OrganisationKind.values());
            kind.setItemLabelGenerator(OrganisationKind::label);
            kind.setValue(OrganisationKind.PARTNER);
            Paragraph error = new Paragraph();
            error.setId("create-organisation-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            add(new VerticalLayout(name, kind, error));
            Button save = new Button("Create", e -> {
                try {
                    long id = administration.create(name.getValue(), kind.getValue());
                    close();
                    openOrganisation(id);
                } catch (AdministrationException refused) {
                    error.setText(refused.getMessage());
                }
            });
            save.setId("create-organisation");
            save.addThemeVariants(ButtonVariant.PRIMARY);
            getFooter().add(new Button("Cancel", e -> close()), save);
            setWidth("30rem");
        }
    }
}
