package io.crowdlens.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.common.Figure;
import io.crowdlens.licensing.LicenceScopeService;
import io.crowdlens.licensing.LicenceSummary;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.release.ReleaseCatalogue;
import io.crowdlens.release.ReleaseNoise;
import io.crowdlens.release.ReleaseSummary;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * "How these figures are made and protected" (issue 13, item 5): for partners, in plain words, what
 * the figures count, what the minimum crowd means now that figures carry noise, the noise and its
 * parameters per served release (public, as differential privacy assumes; never an exact input count),
 * and the method's known biases. docs/privacy.md is the operator's longer version.
 */
@Route("about/figures")
@PageTitle("How these figures are made · CrowdLens")
@Menu(order = 90, title = "How figures are made")
@RolesAllowed({Role.ANALYST, Role.PARTNER_ADMIN_ROLE})
class HowFiguresAreProtectedView extends VerticalLayout {

    /** One figure family of a served release, as a row of the noise table. */
    record NoiseRow(String dataset, String figures, String noise, String margin, String bound) {
    }

    HowFiguresAreProtectedView(LicenceScopeService licences, ReleaseCatalogue releases) {
        addClassName("crowdlens-page");
        setId("how-figures-are-made");
        add(new H2("How these figures are made and protected"));

        add(new H3("What a figure counts"));
        add(list(
                "Distinct devices of one mobile operator's subscribers, seen by the network's cells in an area,"
                        + " site or corridor during an hour or a day. Identities are removed before anything is"
                        + " counted; only totals reach this portal.",
                "Subscribers who opted out are removed before counting. When a new opt-out list arrives, the"
                        + " operator re-publishes the figures within days; until then the previous figures are shown.",
                "Each device counts at most a fixed number of times per day (see the bounds below), so that one"
                        + " very active phone cannot move many figures."));

        add(new H3("The minimum crowd"));
        List<LicenceSummary> mine = licences.myLicences();
        String ks = mine.stream().map(l -> l.dataset().label() + ": k = " + l.minimumCrowd()).distinct()
                .collect(Collectors.joining(", "));
        add(new Paragraph("A figure is shown only when it reaches your minimum crowd"
                + (ks.isEmpty() ? "" : " (" + ks + ")") + ". Otherwise it reads \"" + Figure.HIDDEN_TEXT
                + "\", never zero. The threshold is applied to the figure after noise was added, and every part of a"
                + " combined figure (an average, a total, a comparison) is checked against your k before it is"
                + " combined. Where a total and its parts are both shown, a hidden part cannot be worked out from the"
                + " others more precisely than the noise allows."));

        add(new H3("The noise"));
        add(new Paragraph("Every figure carries random noise, added once when the release was made and stored with"
                + " it: asking again, or combining figures, gives the same noisy figures and cannot average the noise"
                + " away. \"about 240 ± 9\" means the figure before noise lies within 9 of 240 in 95 of 100 cases."
                + " Figures marked approximate are close to the threshold or are the highest of several noisy figures,"
                + " which leans high. Figures near k may be shown although the count before noise was a little below"
                + " it, or hidden although it was a little above: the noise, not the threshold, is what protects the"
                + " people in the figures."));
        List<NoiseRow> rows = new ArrayList<>();
        List<ReleaseSummary> served = releases.served(licences.visibleDatasets());
        for (ReleaseSummary release : served) {
            ReleaseNoise noise = releases.noiseOf(release.id());
            for (FigureFamily family : FigureFamily.values()) {
                if (family.dataset() != release.dataset() || !noise.families().containsKey(family)) {
                    continue;
                }
                ReleaseNoise.Family f = noise.families().get(family);
                rows.add(new NoiseRow(release.dataset().label() + " (release " + release.id() + ")", family.figures(),
                        "discrete Gaussian, sigma " + f.sigma().stripTrailingZeros().toPlainString(),
                        "± " + f.margin95(), f.contributionBound()));
            }
        }
        if (!rows.isEmpty()) {
            Grid<NoiseRow> grid = new Grid<>();
            grid.setId("noise-parameters");
            grid.addColumn(NoiseRow::dataset).setHeader("Dataset").setAutoWidth(true);
            grid.addColumn(NoiseRow::figures).setHeader("Figures").setAutoWidth(true);
            grid.addColumn(NoiseRow::noise).setHeader("Noise").setAutoWidth(true);
            grid.addColumn(NoiseRow::margin).setHeader("95 % margin of one figure").setAutoWidth(true);
            grid.addColumn(NoiseRow::bound).setHeader("Most one device adds").setAutoWidth(true);
            grid.setItems(rows);
            grid.setAllRowsVisible(true);
            add(grid);
        }
        for (ReleaseSummary release : served) {
            add(new Paragraph(release.dataset().label() + " release " + release.id() + " (" + release.periodFrom()
                    + " to " + release.periodTo() + "): " + release.privacyLine() + "."
                    + (release.noisy() ? String.format(Locale.ENGLISH, " Put simply, anyone comparing this release with"
                            + " and without one person's data on one day could tell the two apart only as well as the"
                            + " privacy parameter rho = %.2f allows.", release.rhoPerUnit()) : "")));
        }

        add(new H3("What the method cannot see"));
        add(list(
                "Where the tower stands, not where the phone is: an event is placed at its cell's location, so a cell"
                        + " near a boundary counts for the area it lies in.",
                "One operator's subscribers, not the population: market share differs between areas and age groups.",
                "Devices, not people: one person may carry two devices, and some devices are not people.",
                "The bounds on each device's contribution leave out the latest hours of the busiest devices,"
                        + " so very busy places are counted slightly low.",
                "Small figures are hidden or approximate; sums and averages over many figures are accurate."));
    }

    private static UnorderedList list(String... items) {
        UnorderedList list = new UnorderedList();
        for (String item : items) {
            list.add(new ListItem(item));
        }
        return list;
    }
}
