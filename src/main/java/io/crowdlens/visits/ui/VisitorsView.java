package io.crowdlens.visits.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.common.ui.EmptyState;
import io.crowdlens.common.ui.map.AreaMap;
import io.crowdlens.common.ui.map.LatLng;
import io.crowdlens.common.ui.map.MapArea;
import io.crowdlens.common.ui.map.MapPoint;
import io.crowdlens.security.Role;
import io.crowdlens.visits.VisitSite;
import io.crowdlens.visits.VisitsChoices;
import io.crowdlens.visits.VisitsQueryService;
import io.crowdlens.visits.VisitsSelection;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;

/**
 * Visitors: pick sites (on the map or from the list) and a period; see visitors by hour of day (weekdays
 * and weekends), per day, by length of stay, first-time vs returning, and where they live; compare sites
 * side by side, or one site over two periods, with the percentage change. Every table exports to CSV.
 * All figures come from {@link VisitsQueryService}.
 */
@Route("visitors")
@PageTitle("Visitors · CrowdLens")
@Menu(order = 2, title = "Visitors")
@RolesAllowed({Role.ANALYST, Role.PARTNER_ADMIN_ROLE})
class VisitorsView extends VerticalLayout {

    enum Comparison {
        SITES("Sites side by side"),
        PERIODS("One site, two periods");

        private final String label;

        Comparison(String label) {
            this.label = label;
        }
    }

    private final MultiSelectComboBox<VisitSite> sites = new MultiSelectComboBox<>("Sites");
    private final RadioButtonGroup<Comparison> comparison = new RadioButtonGroup<>("Compare");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final DatePicker secondFrom = new DatePicker("Second period from");
    private final Span secondTo = new Span();
    private final Div message = new Div();
    private final AreaMap map = new AreaMap();
    private final List<FiguresPanel> panels = new ArrayList<>();
    private VisitsChoices choices;

    VisitorsView(VisitsQueryService visits,
            @Value("${crowdlens.map.tile-url}") String tileUrl,
            @Value("${crowdlens.map.tile-attribution}") String tileAttribution) {
        addClassName("crowdlens-page");
        setWidthFull();
        add(new H2("Visitors"));
        choices = visits.choices();
        if (!choices.hasData()) {
            add(new EmptyState("No data published yet",
                    "There is no published visitors release within your licence yet."));
            return;
        }
        configureControls();
        map.setId("visitors-map");
        map.setHeight("360px");
        map.setTiles(tileUrl, tileAttribution);
        map.setAreas(visits.catchmentAreas().stream()
                .map(a -> new MapArea(String.valueOf(a.id()), a.name(), a.geometryGeoJson())).toList());
        map.setPoints(choices.sites().stream().map(VisitorsView::marker).toList());
        map.fitToContent();
        map.addOverlayClickListener(e -> toggle(e.itemId()));
        message.setId("visitors-message");
        message.getStyle().set("color", "var(--lumo-error-text-color)");

        HorizontalLayout controls = new HorizontalLayout(sites, from, to, comparison, secondFrom, secondTo);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        panels.add(new HourlyProfilePanel(visits));
        panels.add(new DailyVisitorsPanel(visits));
        panels.add(new DwellPanel(visits));
        panels.add(new FirstTimeAndReturningPanel(visits));
        panels.add(new CatchmentPanel(visits, map));
        add(controls, message, map);
        panels.forEach(this::add);
        sites.addValueChangeListener(e -> refresh());
        comparison.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        secondFrom.addValueChangeListener(e -> refresh());
        refresh();
    }

    private void configureControls() {
        sites.setId("sites");
        sites.setItems(choices.sites());
        sites.setItemLabelGenerator(VisitSite::name);
        sites.setPlaceholder("Search sites");
        sites.setWidth("26em");
        sites.setValue(Set.of(choices.sites().getFirst()));
        comparison.setId("comparison");
        comparison.setItems(Comparison.values());
        comparison.setItemLabelGenerator(c -> c.label);
        comparison.setValue(Comparison.SITES);
        for (DatePicker picker : List.of(from, to, secondFrom)) {
            picker.setMin(choices.firstDay());
            picker.setMax(choices.lastDay());
        }
        from.setId("from");
        to.setId("to");
        secondFrom.setId("second-from");
        secondTo.setId("second-to");
        from.setValue(choices.firstDay());
        to.setValue(earlier(choices.firstDay().plusDays(6), choices.lastDay()));
        secondFrom.setValue(earlier(choices.firstDay().plusDays(7), choices.lastDay()));
    }

    private void refresh() {
        message.setText("");
        boolean periods = comparison.getValue() == Comparison.PERIODS;
        secondFrom.setVisible(periods);
        secondTo.setVisible(periods);
        List<Compared> items = items(periods);
        map.setOverlaySelection(sites.getValue().stream().map(s -> String.valueOf(s.id())).toList());
        if (items.isEmpty()) {
            return;
        }
        panels.forEach(p -> p.show(items));
    }

    /** What to show, or empty with a message saying what to choose. */
    private List<Compared> items(boolean periods) {
        List<VisitSite> chosen = List.copyOf(sites.getValue());
        if (chosen.isEmpty()) {
            message.setText("Choose one or more sites, on the map or in the list.");
            return List.of();
        }
        if (from.getValue() == null || to.getValue() == null || from.getValue().isAfter(to.getValue())) {
            message.setText("Choose a first day on or before the last day.");
            return List.of();
        }
        if (chosen.size() > VisitsSelection.MAX_SITES) {
            message.setText("Choose at most " + VisitsSelection.MAX_SITES + " sites at a time.");
            return List.of();
        }
        if (!periods) {
            return chosen.stream().map(s -> Compared.site(s, from.getValue(), to.getValue())).toList();
        }
        if (secondFrom.getValue() == null) {
            message.setText("Choose where the second period starts.");
            return List.of();
        }
        LocalDate secondEnd = secondFrom.getValue().plusDays(from.getValue().datesUntil(to.getValue()).count());
        secondTo.setText("to " + secondEnd + " (as long as the first period)");
        if (secondEnd.isAfter(choices.lastDay())) {
            message.setText("The second period would end after " + choices.lastDay()
                    + ", the last day available: start it earlier or shorten the first period.");
            return List.of();
        }
        if (chosen.size() > 1) {
            message.setText("Two periods are compared for one site: " + chosen.getFirst().name() + ".");
        }
        VisitSite site = chosen.getFirst();
        return List.of(Compared.period(site, from.getValue(), to.getValue()),
                Compared.period(site, secondFrom.getValue(), secondEnd));
    }

    private void toggle(String siteId) {
        Set<VisitSite> chosen = new LinkedHashSet<>(sites.getValue());
        choices.sites().stream().filter(s -> String.valueOf(s.id()).equals(siteId)).findFirst().ifPresent(site -> {
            if (!chosen.remove(site)) {
                chosen.add(site);
            }
        });
        sites.setValue(chosen);
    }

    private static MapPoint marker(VisitSite site) {
        return new MapPoint(String.valueOf(site.id()), new LatLng(site.lat(), site.lon()), "#CC79A7", 9,
                site.name() + "\n" + site.category().replace('_', ' ')
                        + (site.radiusMetres() == null ? "" : ", " + site.radiusMetres() + " m radius")
                        + "\nclick to add or remove");
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
