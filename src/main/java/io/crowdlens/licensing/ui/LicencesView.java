package io.crowdlens.licensing.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.licensing.LicenceAdministration;
import io.crowdlens.licensing.LicenceQuery;
import io.crowdlens.licensing.LicenceRow;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Every licence of every partner, paged from the database, searchable by organisation. */
@Route("admin/licences")
@PageTitle("Licences · CrowdLens")
@Menu(order = 12, title = "Licences")
@RolesAllowed(Role.ACCOUNT_MANAGER_ROLE)
class LicencesView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    LicencesView(LicenceAdministration licences) {
        addClassName("crowdlens-page");
        TextField search = new TextField();
        search.setPlaceholder("Search by organisation");
        search.setId("licence-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        Checkbox activeOnly = new Checkbox("Active only", true);
        activeOnly.setId("active-only");
        Grid<LicenceRow> grid = new Grid<>();
        grid.setId("licences");
        OffsetDateTime now = OffsetDateTime.now();
        grid.addColumn(LicenceRow::organisationName).setHeader("Organisation").setAutoWidth(true);
        grid.addColumn(l -> l.dataset().label()).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(LicenceRow::scope).setHeader("Areas").setAutoWidth(true);
        grid.addColumn(l -> DAY.format(l.dataFrom()) + " to " + DAY.format(l.dataTo())).setHeader("Data period")
                .setAutoWidth(true);
        grid.addColumn(l -> DAY.format(l.expiresAt().toLocalDate())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(l -> "k = " + l.minimumCrowd()).setHeader("Minimum crowd").setAutoWidth(true);
        grid.addColumn(l -> l.status(now)).setHeader("Status").setAutoWidth(true);
        grid.setItems(
                q -> licences.licences(query(search, activeOnly), q.getOffset(), q.getLimit()).stream(),
                q -> licences.countLicences(query(search, activeOnly)));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("admin/licences/" + e.getItem().id())));
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        activeOnly.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout bar = new HorizontalLayout(search, activeOnly);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Licences"), new Paragraph("To grant a licence, open the partner's organisation."), bar, grid);
        setSizeFull();
    }

    private static LicenceQuery query(TextField search, Checkbox activeOnly) {
        return new LicenceQuery(null, search.getValue(), activeOnly.getValue());
    }
}
