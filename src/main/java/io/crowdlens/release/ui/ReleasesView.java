package io.crowdlens.release.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.common.ui.EmptyState;
import io.crowdlens.release.OperatorRelease;
import io.crowdlens.release.ReleaseCatalogue;
import io.crowdlens.release.ReleaseDecisions;
import io.crowdlens.release.ReleaseSummary;
import io.crowdlens.security.CurrentUser;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Data operators' landing page: every release with the parameters that produced it; releases held for
 * review at the top; a selected release shows its run's data-quality report and the actions its status
 * allows (approve, withdraw).
 */
@Route("operations/releases")
@PageTitle("Releases · CrowdLens")
@Menu(order = 20, title = "Releases")
@RolesAllowed(Role.DATA_OPERATOR_ROLE)
class ReleasesView extends VerticalLayout {

    private final ReleaseCatalogue catalogue;
    private final ReleaseDecisions decisions;
    private final CurrentUser currentUser;

    ReleasesView(ReleaseCatalogue catalogue, ReleaseDecisions decisions, CurrentUser currentUser) {
        this.catalogue = catalogue;
        this.decisions = decisions;
        this.currentUser = currentUser;
        build();
    }

    private void build() {
        removeAll();
        addClassName("crowdlens-page");
        add(new H2("Releases"));
        if (catalogue.all(0, 1).isEmpty()) {
            add(new EmptyState("No data published yet",
                    "Run the pipeline on a data drop to publish the first release: "
                            + "java -jar crowdlens.jar pipeline run --drop DIR"));
            return;
        }
        List<ReleaseSummary> stale = catalogue.staleServed();
        if (!stale.isEmpty()) {
            Div warning = new Div();
            warning.setId("stale-releases");
            warning.getStyle().set("color", "var(--lumo-error-text-color)")
                    .set("background", "var(--lumo-error-color-10pct)")
                    .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                    .set("border-radius", "var(--lumo-border-radius-m)");
            warning.setText("Re-publish needed: an opt-out list arrived after the one that "
                    + stale.stream().map(r -> r.dataset().label() + " release " + r.id() + " (list "
                            + r.optOutListVersion() + ")").collect(Collectors.joining(", "))
                    + " honoured, so devices that opted out since still count in its figures. Run the pipeline"
                    + " on a drop carrying the newest opt-out list: java -jar crowdlens.jar pipeline run --drop DIR");
            add(warning);
        }
        List<ReleaseSummary> held = catalogue.awaitingReview();
        if (!held.isEmpty()) {
            Div review = new Div();
            review.setId("held-releases");
            review.getStyle().set("background", "var(--lumo-warning-color-10pct, var(--lumo-contrast-5pct))")
                    .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                    .set("border-radius", "var(--lumo-border-radius-m)");
            review.setText("Awaiting review: " + held.stream().map(r -> r.dataset().label() + " release " + r.id())
                    .collect(Collectors.joining(", ")) + ". Their run's quality checks failed, so the previous"
                    + " releases stay served until a data operator approves; select a release to read its report.");
            add(review);
        }
        ReleaseDetails details = new ReleaseDetails(decisions, currentUser.require().getUsername(),
                this::build);
        Grid<OperatorRelease> grid = new Grid<>();
        grid.setId("releases");
        grid.addColumn(r -> r.summary().id()).setHeader("Release").setAutoWidth(true);
        grid.addColumn(r -> r.summary().dataset().label()).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(r -> status(r.summary()) + (r.summary().stale() ? " · stale" : ""))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(ReleasesView::checks).setHeader("Quality checks").setAutoWidth(true);
        grid.addColumn(r -> r.summary().periodFrom() + " to " + r.summary().periodTo()).setHeader("Period")
                .setAutoWidth(true);
        grid.addColumn(r -> r.summary().timeZone()).setHeader("Time zone").setAutoWidth(true);
        grid.addColumn(r -> "k = " + r.summary().minimumCrowd()).setHeader("Minimum crowd").setAutoWidth(true);
        grid.addColumn(r -> noise(r.summary())).setHeader("Noise (per device-day)").setAutoWidth(true);
        grid.addColumn(r -> r.summary().optOutListVersion()).setHeader("Opt-out list").setAutoWidth(true);
        grid.addColumn(r -> String.format(Locale.ROOT, "%,d / %,d", r.rowsAccepted(), r.rowsRead()))
                .setHeader("Events accepted / read").setAutoWidth(true);
        grid.addColumn(r -> String.format(Locale.ROOT, "%,d / %,d", r.publishedFigures(),
                r.publishedFigures() + r.hiddenFigures())).setHeader("Figures stored / grid").setAutoWidth(true);
        grid.addColumn(r -> r.summary().publishedAt().toLocalDateTime().withNano(0).toString()).setHeader("Published")
                .setAutoWidth(true);
        grid.setItems(query -> catalogue.all(query.getOffset(), query.getLimit()).stream());
        grid.asSingleSelect().addValueChangeListener(e -> details.show(e.getValue()));
        add(grid, details);
        setSizeFull();
    }

    static String status(ReleaseSummary release) {
        return switch (release.status()) {
            case "PUBLISHED" -> "Served";
            case "AWAITING_REVIEW" -> "Awaiting review";
            case "WITHDRAWN" -> "Withdrawn";
            default -> "Superseded";
        };
    }

    /** The run's quality checks in a word: select the release for its report. */
    static String checks(OperatorRelease release) {
        if (release.heldReasons() != null && !release.heldReasons().isBlank()) {
            String first = release.heldReasons().lines().findFirst().orElse("");
            String kind = first.contains(":") ? first.substring(0, first.indexOf(':')) : first;
            return (release.approvedBy() != null ? "Failed (" + kind + "), approved by " + release.approvedBy()
                    : "Failed: " + kind);
        }
        return release.qualityReport() == null ? "No report" : "Passed";
    }

    private static String noise(ReleaseSummary release) {
        return release.noisy() ? String.format(Locale.ROOT, "rho %.3f · epsilon %.2f (delta %.0e)",
                release.rhoPerUnit(), release.epsilonPerUnit(), release.deltaPerUnit()) : "NONE (exact figures)";
    }
}
