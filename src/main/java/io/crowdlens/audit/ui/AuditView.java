package io.crowdlens.audit.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditFilter;
import io.crowdlens.audit.AuditRecord;
import io.crowdlens.audit.AuditTrail;
import io.crowdlens.audit.OrganisationName;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * "Who saw what": the append-only audit trail, newest first, paged from the database, filtered by
 * organisation, user, action and time, and downloadable as CSV with the same filters. Account
 * managers see every organisation; a partner admin sees their own (the service enforces it).
 * (Role names are spelled out: the audit feature stays independent of the security feature.)
 */
@Route("audit")
@PageTitle("Audit trail · CrowdLens")
@Menu(order = 13, title = "Audit trail")
@RolesAllowed({"ACCOUNT_MANAGER", "PARTNER_ADMIN"})
class AuditView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditTrail trail;
    private final ComboBox<OrganisationName> organisation = new ComboBox<>("Organisation");
    private final TextField user = new TextField("User");
    private final Select<AuditAction> action = new Select<>();
    private final DateTimePicker from = new DateTimePicker("From");
    private final DateTimePicker to = new DateTimePicker("Before");
    private final Grid<AuditRecord> grid = new Grid<>();
    private final Anchor download = new Anchor();

    AuditView(AuditTrail trail) {
        this.trail = trail;
        addClassName("crowdlens-page");
        setSizeFull();
        organisation.setId("filter-organisation");
        organisation.setItemLabelGenerator(OrganisationName::name);
        organisation.setItems(q -> trail.organisations(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        organisation.setClearButtonVisible(true);
        user.setId("filter-user");
        user.setValueChangeMode(ValueChangeMode.LAZY);
        user.setClearButtonVisible(true);
        action.setLabel("Action");
        action.setId("filter-action");
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption("Any");
        action.setItems(AuditAction.values());
        from.setId("filter-from");
        to.setId("filter-to");
        grid.setId("audit-records");
        grid.addColumn(r -> WHEN.format(r.occurredAt().atZoneSameInstant(ZoneId.systemDefault())))
                .setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditRecord::actor).setHeader("User").setAutoWidth(true);
        grid.addColumn(AuditRecord::organisationName).setHeader("Organisation").setAutoWidth(true);
        grid.addColumn(AuditRecord::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditRecord::outcome).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(AuditRecord::detail).setHeader("Detail").setFlexGrow(1);
        grid.addColumn(r -> r.figuresReturned() == null ? "" : r.figuresReturned() + " shown, "
                + r.figuresSuppressed() + " suppressed").setHeader("Figures").setAutoWidth(true);
        grid.addColumn(AuditRecord::clientAddress).setHeader("Address").setAutoWidth(true);
        grid.setItems(q -> trail.records(filter(), q.getOffset(), q.getLimit()).stream(), q -> trail.count(filter()));
        download.setText("Download CSV");
        download.setId("download-csv");
        download.getElement().setAttribute("download", true);
        download.getElement().setAttribute("router-ignore", true);
        organisation.addValueChangeListener(e -> refresh());
        user.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(organisation, user, action, from, to, download);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2("Audit trail"), filters, grid);
        updateDownload();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("organisation").ifPresent(id -> {
            try {
                long wanted = Long.parseLong(id);
                trail.organisations(null, 0, 500).stream().filter(o -> o.id() == wanted).findFirst()
                        .ifPresent(organisation::setValue);
            } catch (NumberFormatException ignored) {
                // a hand-typed URL: show everything the user may see instead
            }
        });
    }

    private AuditFilter filter() {
        return new AuditFilter(organisation.getValue() == null ? null : organisation.getValue().id(), user.getValue(),
                action.getValue(), at(from.getValue()), at(to.getValue()));
    }

    private static OffsetDateTime at(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        updateDownload();
    }

    private void updateDownload() {
        AuditFilter f = filter();
        List<String> parameters = new ArrayList<>();
        if (f.organisationId() != null) {
            parameters.add("organisation=" + f.organisationId());
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            parameters.add("user=" + URLEncoder.encode(f.actor().strip(), StandardCharsets.UTF_8));
        }
        if (f.action() != null) {
            parameters.add("action=" + f.action().name());
        }
        if (f.from() != null) {
            parameters.add("from=" + URLEncoder.encode(f.from().toString(), StandardCharsets.UTF_8));
        }
        if (f.to() != null) {
            parameters.add("to=" + URLEncoder.encode(f.to().toString(), StandardCharsets.UTF_8));
        }
        download.setHref("audit/export.csv" + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters)));
    }
}
