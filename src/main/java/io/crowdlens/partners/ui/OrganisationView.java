package io.crowdlens.partners.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.crowdlens.common.ui.Confirmations;
import io.crowdlens.licensing.LicenceAdministration;
import io.crowdlens.licensing.LicenceQuery;
import io.crowdlens.licensing.LicenceRow;
import io.crowdlens.partners.AdministrationException;
import io.crowdlens.partners.OrganisationAdministration;
import io.crowdlens.partners.OrganisationDirectory;
import io.crowdlens.partners.OrganisationKind;
import io.crowdlens.partners.OrganisationSummary;
import io.crowdlens.partners.UserAdministration;
import io.crowdlens.security.ApiTokens;
import io.crowdlens.security.Role;
import io.crowdlens.security.ui.ApiTokenGrid;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** One organisation: its name and status, its users, its licences, its people's API tokens. */
@Route("admin/organisations")
@RolesAllowed(Role.ACCOUNT_MANAGER_ROLE)
class OrganisationView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final OrganisationDirectory directory;
    private final OrganisationAdministration administration;
    private final UserAdministration users;
    private final LicenceAdministration licences;
    private final ApiTokens tokens;
    private String title = "Organisation · CrowdLens";

    OrganisationView(OrganisationDirectory directory, OrganisationAdministration administration,
            UserAdministration users, LicenceAdministration licences, ApiTokens tokens) {
        this.directory = directory;
        this.administration = administration;
        this.users = users;
        this.licences = licences;
        this.tokens = tokens;
        addClassName("crowdlens-page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long organisationId) {
        OrganisationSummary organisation = directory.organisation(organisationId)
                .orElseThrow(() -> new NotFoundException("No organisation " + organisationId));
        title = organisation.name() + " · CrowdLens";
        show(organisation);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(OrganisationSummary organisation) {
        removeAll();
        H2 heading = new H2(organisation.name());
        heading.setId("organisation-heading");
        Span status = new Span(organisation.organisationKind().label() + " · "
                + (organisation.suspended() ? "Suspended" : "Active"));
        status.setId("organisation-status");
        status.getElement().getThemeList().add(organisation.suspended() ? "badge error" : "badge success");
        HorizontalLayout header = new HorizontalLayout(heading, status);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new Anchor("admin/organisations", "All organisations"), header, nameEditor(organisation),
                statusButton(organisation));

        add(new H3("Users"), new UserPanel(users, organisation.id(), false));
        if (organisation.organisationKind() == OrganisationKind.PARTNER) {
            add(new H3("Licences"), licenceGrid(organisation));
        }
        add(new H3("API tokens"), new ApiTokenGrid(tokens, organisation.id()));
        Anchor audit = new Anchor("audit?organisation=" + organisation.id(), "Audit trail of this organisation");
        audit.setId("organisation-audit");
        add(audit);
    }

    private HorizontalLayout nameEditor(OrganisationSummary organisation) {
        TextField name = new TextField("Name");
        name.setId("organisation-name");
        name.setValue(organisation.name());
        name.setMaxLength(200);
        name.setWidth("24rem");
        Button rename = new Button("Rename", e -> {
            try {
                administration.rename(organisation.id(), name.getValue());
                reload(organisation.id());
            } catch (AdministrationException refused) {
                name.setInvalid(true);
                name.setErrorMessage(refused.getMessage());
            }
        });
        rename.setId("rename-organisation");
        HorizontalLayout row = new HorizontalLayout(name, rename);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private Button statusButton(OrganisationSummary organisation) {
        if (organisation.suspended()) {
            Button reactivate = new Button("Reactivate", e -> {
                administration.reactivate(organisation.id());
                reload(organisation.id());
            });
            reactivate.setId("reactivate-organisation");
            return reactivate;
        }
        Button suspend = new Button("Suspend", e -> Confirmations.confirm("Suspend " + organisation.name() + "?",
                "All " + organisation.users() + " of its users are signed out at once and cannot sign in; its "
                        + "licences show no data until it is reactivated. Nothing is deleted.",
                "Suspend", () -> {
                    try {
                        administration.suspend(organisation.id());
                        reload(organisation.id());
                    } catch (AdministrationException refused) {
                        Notification.show(refused.getMessage(), 5000, Notification.Position.MIDDLE);
                    }
                }));
        suspend.setId("suspend-organisation");
        suspend.addThemeVariants(ButtonVariant.ERROR);
        return suspend;
    }

    private VerticalLayout licenceGrid(OrganisationSummary organisation) {
        Grid<LicenceRow> grid = new Grid<>();
        grid.setId("organisation-licences");
        OffsetDateTime now = OffsetDateTime.now();
        grid.addColumn(l -> l.dataset().label()).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(LicenceRow::scope).setHeader("Areas").setAutoWidth(true);
        grid.addColumn(l -> DAY.format(l.dataFrom()) + " to " + DAY.format(l.dataTo())).setHeader("Data period")
                .setAutoWidth(true);
        grid.addColumn(l -> DAY.format(l.expiresAt().toLocalDate())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(l -> "k = " + l.minimumCrowd()).setHeader("Minimum crowd").setAutoWidth(true);
        grid.addColumn(l -> l.status(now)).setHeader("Status").setAutoWidth(true);
        LicenceQuery query = new LicenceQuery(organisation.id(), null, false);
        grid.setItems(q -> licences.licences(query, q.getOffset(), q.getLimit()).stream(),
                q -> licences.countLicences(query));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("admin/licences/" + e.getItem().id())));
        grid.setHeight("16rem");
        Button grant = new Button("New licence",
                e -> getUI().ifPresent(ui -> ui.navigate("admin/licences/new/" + organisation.id())));
        grant.setId("new-licence");
        grant.addThemeVariants(ButtonVariant.PRIMARY);
        VerticalLayout section = new VerticalLayout(grant, grid);
        section.setPadding(false);
        return section;
    }

    private void reload(long organisationId) {
        directory.organisation(organisationId).ifPresent(this::show);
    }
}
