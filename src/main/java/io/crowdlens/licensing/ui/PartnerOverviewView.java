package io.crowdlens.licensing.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.common.ui.EmptyState;
import io.crowdlens.common.Dataset;
import io.crowdlens.licensing.LicenceScopeService;
import io.crowdlens.licensing.LicenceSummary;
import io.crowdlens.release.ReleaseCatalogue;
import io.crowdlens.release.ReleaseSummary;
import io.crowdlens.security.CurrentUser;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A partner's landing page: what they are licensed for and whether data has been published. */
@Route("overview")
@PageTitle("Overview · CrowdLens")
@Menu(order = 0, title = "Overview")
@RolesAllowed({Role.ANALYST, Role.PARTNER_ADMIN_ROLE})
class PartnerOverviewView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    PartnerOverviewView(LicenceScopeService licences, ReleaseCatalogue releases, CurrentUser currentUser) {
        addClassName("crowdlens-page");
        add(new H2("Welcome, " + currentUser.require().displayName()));
        List<LicenceSummary> mine = licences.myLicences();
        if (mine.isEmpty()) {
            add(new EmptyState("No active licence",
                    "Your organisation has no active licence. Your account manager can set one up."));
            return;
        }
        Map<Dataset, Optional<ReleaseSummary>> current = new EnumMap<>(Dataset.class);
        mine.forEach(l -> current.computeIfAbsent(l.dataset(), releases::current));
        if (current.values().stream().noneMatch(Optional::isPresent)) {
            add(new EmptyState("No data published yet",
                    "The operator has not published a release for your licensed datasets yet. "
                            + "Figures appear here as soon as the first release is published."));
        }
        add(new H3("Your licences"));
        Grid<LicenceSummary> grid = new Grid<>();
        grid.setId("licences");
        grid.addColumn(l -> l.dataset().label()).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(l -> l.wholeLayer() ? "Whole layer: " + l.layerName() : l.areaCount() + " areas of " + l.layerName())
                .setHeader("Areas").setAutoWidth(true);
        grid.addColumn(l -> DAY.format(l.dataFrom()) + " to " + DAY.format(l.dataTo())).setHeader("Data period").setAutoWidth(true);
        grid.addColumn(l -> DAY.format(l.expiresAt().toLocalDate())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(l -> "k = " + l.minimumCrowd()).setHeader("Minimum crowd").setAutoWidth(true);
        grid.addColumn(l -> current.get(l.dataset()).map(r -> "Release " + r.id()).orElse("Not yet published"))
                .setHeader("Current release").setAutoWidth(true);
        grid.setItems(mine);
        grid.setAllRowsVisible(true);
        add(grid, new Paragraph("Every figure counts at least k distinct devices; smaller groups are shown as "
                + "\"fewer than k\" and are indistinguishable from zero."));
    }
}
