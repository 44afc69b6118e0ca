package io.crowdlens.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.audit.AuditTrail;
import io.crowdlens.audit.OrganisationUsage;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Usage per organisation over a period, from the audit trail: queries, exports, sign-ins, last active. */
@Route("admin/usage")
@PageTitle("Usage · CrowdLens")
@Menu(order = 14, title = "Usage")
@RolesAllowed("ACCOUNT_MANAGER")
class UsageView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    UsageView(AuditTrail trail) {
        addClassName("crowdlens-page");
        setSizeFull();
        Select<Integer> days = new Select<>();
        days.setLabel("Period");
        days.setId("usage-period");
        days.setItems(1, 7, 30, 90, 365);
        days.setItemLabelGenerator(d -> d == 1 ? "Last 24 hours" : "Last " + d + " days");
        days.setValue(30);
        TextField search = new TextField("Organisation");
        search.setId("usage-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        Grid<OrganisationUsage> grid = new Grid<>();
        grid.setId("usage");
        grid.addColumn(OrganisationUsage::name).setHeader("Organisation").setAutoWidth(true);
        grid.addColumn(u -> "SUSPENDED".equals(u.status()) ? "Suspended" : "Active").setHeader("Status").setAutoWidth(true);
        grid.addColumn(OrganisationUsage::queries).setHeader("Queries answered").setAutoWidth(true);
        grid.addColumn(OrganisationUsage::blockedQueries).setHeader("Queries blocked (too few people)").setAutoWidth(true);
        grid.addColumn(OrganisationUsage::exports).setHeader("Exports").setAutoWidth(true);
        grid.addColumn(OrganisationUsage::signIns).setHeader("Sign-ins").setAutoWidth(true);
        grid.addColumn(u -> u.lastActive() == null ? "Never"
                : WHEN.format(u.lastActive().atZoneSameInstant(ZoneId.systemDefault()))).setHeader("Last active")
                .setAutoWidth(true);
        grid.setItems(q -> trail.usage(search.getValue(), OffsetDateTime.now().minusDays(days.getValue()),
                q.getOffset(), q.getLimit()).stream(), q -> trail.countUsage(search.getValue()));
        days.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout bar = new HorizontalLayout(days, search);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Usage"), new Paragraph("Counted from the audit trail. Last active: the latest sign-in, query or "
                + "export of any of the organisation's users, at any time."), bar, grid);
    }
}
