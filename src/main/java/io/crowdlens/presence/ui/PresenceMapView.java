package io.crowdlens.presence.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.crowdlens.common.ui.EmptyState;
import io.crowdlens.common.ui.map.AreaMap;
import io.crowdlens.common.ui.map.ColourScale;
import io.crowdlens.common.ui.map.MapArea;
import io.crowdlens.common.ui.map.MapLegend;
import io.crowdlens.export.ui.ExportButtons;
import io.crowdlens.presence.DayFilter;
import io.crowdlens.presence.Heatmap;
import io.crowdlens.presence.HourByHour;
import io.crowdlens.presence.MapChoices;
import io.crowdlens.presence.PresenceMetric;
import io.crowdlens.presence.PresenceQueryService;
import io.crowdlens.presence.PresenceSelection;
import io.crowdlens.figures.SelectionBlockedException;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;

/**
 * The map explorer: where people are, by area, for a chosen window of days and hours. The state
 * lives in the URL ({@link MapUrlState}): a link reopens the same map and the back button steps
 * through earlier choices.
 */
@Route("presence")
@PageTitle("Presence map · CrowdLens")
@Menu(order = 1, title = "Presence map")
@RolesAllowed({Role.ANALYST, Role.PARTNER_ADMIN_ROLE})
class PresenceMapView extends VerticalLayout implements BeforeEnterObserver {

    private static final int PLAY_STEP_MS = 1200;

    private final PresenceQueryService presence;
    private final MapChoices choices;
    private final Select<String> layer = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Select<DayFilter> days = new Select<>();
    private final Select<Integer> firstHour = new Select<>();
    private final Select<Integer> lastHour = new Select<>();
    private final Select<PresenceMetric> metric = new Select<>();
    private final Button play = new Button("Play hours", VaadinIcon.PLAY.create());
    private final Span playHour = new Span();
    private final AreaMap map = new AreaMap();
    private final AreaPanel panel = new AreaPanel(this::closePanel);
    private final Paragraph description = new Paragraph();
    private final Div message = new Div();
    private final AreaTable table = new AreaTable(id -> openPanel(id, true));
    private final ExportButtons export;
    /** The drawn layer's geometries by area id, for the GeoJSON export (read outside the UI lock). */
    private volatile Map<Object, String> geometries = Map.of();
    private String drawnLayer;
    private Long selectedArea;
    private boolean applyingUrl;
    /** What is on screen; read by the export outside the UI lock. */
    private volatile PresenceSelection shown;
    private Registration playTicks;

    PresenceMapView(PresenceQueryService presence,
            @Value("${crowdlens.map.tile-url}") String tileUrl,
            @Value("${crowdlens.map.tile-attribution}") String tileAttribution) {
        this.presence = presence;
        this.export = new ExportButtons("Export CSV", "export-csv", "export-status",
                target -> presence.exportHeatmap(shown, target)).withGeoJson(key -> geometries.get(key));
        addClassNames("crowdlens-page", "crowdlens-fill");
        setWidthFull();
        add(new H2("Presence map"));
        choices = presence.choices();
        if (!choices.hasData()) {
            add(new EmptyState("No data published yet",
                    "There is no published presence release within your licence yet."));
            return;
        }
        configureControls();
        HorizontalLayout controls = new HorizontalLayout(layer, from, to, days, firstHour, lastHour, metric, play,
                playHour, export);
        // compact controls leave the height to the map
        layer.setWidth("9em");
        from.setWidth("9em");
        to.setWidth("9em");
        days.setWidth("11em");
        firstHour.setWidth("6.5em");
        lastHour.setWidth("6.5em");
        metric.setWidth("14em");
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        description.setId("map-description");
        description.getStyle().set("margin", "0");
        message.setId("map-message");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        map.setTiles(tileUrl, tileAttribution);
        map.setId("presence-map");
        // the map takes the height left under the controls: the body grows, the map stretches in it
        map.setHeight(null);
        map.addAreaClickListener(e -> openPanel(Long.parseLong(e.areaId()), true));
        panel.setVisible(false);
        HorizontalLayout body = new HorizontalLayout(map, table, panel);
        body.setId("map-body");
        body.setWidthFull();
        body.setAlignItems(FlexComponent.Alignment.STRETCH);
        body.getStyle().set("flex", "1 1 0").set("min-height", "20rem");
        body.setFlexGrow(1, map);
        add(controls, description, message, body);
        List.of(layer, days, firstHour, lastHour, metric).forEach(c -> c.addValueChangeListener(e -> changed()));
        from.addValueChangeListener(e -> changed());
        to.addValueChangeListener(e -> changed());
        play.addClickListener(e -> togglePlay());
    }

    private void configureControls() {
        layer.setLabel("Areas");
        layer.setId("layer");
        layer.setItems(choices.layers().keySet());
        layer.setItemLabelGenerator(code -> choices.layers().getOrDefault(code, code));
        for (DatePicker picker : List.of(from, to)) {
            picker.setMin(choices.firstDay());
            picker.setMax(choices.lastDay());
        }
        from.setId("from");
        to.setId("to");
        days.setLabel("Days");
        days.setId("days");
        days.setItems(DayFilter.values());
        days.setItemLabelGenerator(DayFilter::label);
        List<Integer> hours = IntStream.rangeClosed(0, 23).boxed().toList();
        firstHour.setLabel("From hour");
        firstHour.setId("first-hour");
        lastHour.setLabel("To hour");
        lastHour.setId("last-hour");
        for (Select<Integer> hour : List.of(firstHour, lastHour)) {
            hour.setItems(hours);
            hour.setItemLabelGenerator(h -> String.format("%02d:00", h));
        }
        metric.setLabel("Figure");
        metric.setId("metric");
        metric.setItems(PresenceMetric.values());
        metric.setItemLabelGenerator(PresenceMetric::label);
        play.setId("play");
        playHour.setId("play-hour");
    }

    /** Every navigation here, including the back button and a pasted link, applies the URL's state. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!choices.hasData()) {
            return;
        }
        stopPlaying();
        MapUrlState state = MapUrlState.parse(event.getLocation().getQueryParameters(), choices);
        applyingUrl = true;
        try {
            layer.setValue(choices.layers().containsKey(state.layer()) ? state.layer() : layer.getValue());
            from.setValue(state.from());
            to.setValue(state.to());
            days.setValue(state.days());
            firstHour.setValue(state.firstHour());
            lastHour.setValue(state.lastHour());
            metric.setValue(state.metric());
            selectedArea = state.area();
        } finally {
            applyingUrl = false;
        }
        if (!choices.layers().containsKey(state.layer())) {
            refuseLayer(state.layer());
            return;
        }
        refresh();
        if (!state.problems().isEmpty()) {
            String ignored = "Ignored in the link: " + String.join(", ", state.problems());
            message.setText(message.getText().isEmpty() ? ignored : message.getText() + " " + ignored + ".");
        }
    }

    /** A layer the licence does not name: the service refuses (and audits) it; the view says so. */
    private void refuseLayer(String crafted) {
        try {
            presence.areas(crafted);
        } catch (AccessDeniedException refused) {
            message.setText(refused.getMessage());
        }
        description.setText("");
        export.setEnabled(false);
    }

    private void changed() {
        if (applyingUrl) {
            return;
        }
        stopPlaying();
        refresh();
        pushUrl();
    }

    private void refresh() {
        message.setText("");
        PresenceSelection selection = currentSelection();
        if (selection == null) {
            message.setText("Choose a first day before the last day and a first hour before the last hour.");
            export.setEnabled(false);
            return;
        }
        try {
            drawLayer(selection.layer());
            Heatmap heatmap = presence.heatmap(selection);
            HeatmapShading.paint(map, heatmap);
            table.show(heatmap);
            description.setText(heatmap.description());
            shown = selection;
            export.setEnabled(true);
        } catch (SelectionBlockedException blocked) {
            message.setText(blocked.getMessage());
            description.setText("");
            map.setShading(Map.of(), new MapLegend(selection.metric().label(), List.of(), ""));
            table.clear();
            export.setEnabled(false);
        } catch (AccessDeniedException refused) {
            message.setText(refused.getMessage());
            description.setText("");
            export.setEnabled(false);
            return;
        }
        if (selectedArea != null) {
            openPanel(selectedArea, false);
        }
    }

    private void drawLayer(String code) {
        if (!code.equals(drawnLayer)) {
            var areas = presence.areas(code);
            map.setAreas(areas.stream()
                    .map(a -> new MapArea(String.valueOf(a.id()), a.name(), a.geometryGeoJson())).toList());
            Map<Object, String> byId = new HashMap<>();
            areas.forEach(a -> byId.put(a.id(), a.geometryGeoJson()));
            geometries = Map.copyOf(byId);
            // each layer is fitted on its first draw; later changes of days or hours keep the user's view
            map.fitToAreas();
            drawnLayer = code;
        }
    }

    private PresenceSelection currentSelection() {
        if (from.getValue() == null || to.getValue() == null || from.getValue().isAfter(to.getValue())
                || firstHour.getValue() == null || lastHour.getValue() == null
                || firstHour.getValue() > lastHour.getValue()) {
            return null;
        }
        return new PresenceSelection(layer.getValue(), from.getValue(), to.getValue(), days.getValue(),
                firstHour.getValue(), lastHour.getValue(), metric.getValue());
    }

    private void openPanel(long areaId, boolean byClick) {
        PresenceSelection selection = currentSelection();
        if (selection == null) {
            return;
        }
        selectedArea = areaId;
        table.choose(areaId);
        panel.setVisible(true);
        try {
            panel.show(presence.areaDetail(selection, areaId));
            map.setSelection(List.of(String.valueOf(areaId)));
        } catch (SelectionBlockedException blocked) {
            panel.refuse("Too few people", blocked.getMessage());
            map.setSelection(List.of(String.valueOf(areaId)));
        } catch (AccessDeniedException refused) {
            panel.refuse("Not in your licence", refused.getMessage());
            map.setSelection(List.of());
            table.choose(null);
            selectedArea = null;
        }
        if (byClick) {
            pushUrl();
        }
    }

    private void closePanel() {
        selectedArea = null;
        panel.setVisible(false);
        map.setSelection(List.of());
        table.choose(null);
        pushUrl();
    }

    /**
     * Plays the map hour by hour through the chosen hours (all 24 when one hour is chosen), from one
     * query, with one colour scale fixed over every hour so that colours compare across hours.
     */
    private void togglePlay() {
        if (playTicks != null) {
            stopPlaying();
            refresh();
            return;
        }
        PresenceSelection selection = currentSelection();
        if (selection == null) {
            return;
        }
        PresenceSelection window = selection.firstHour() == selection.lastHour()
                ? new PresenceSelection(selection.layer(), selection.from(), selection.to(), selection.days(), 0, 23,
                        selection.metric())
                : selection;
        HourByHour hours;
        try {
            hours = presence.hourByHour(window);
        } catch (SelectionBlockedException | AccessDeniedException refused) {
            message.setText(refused.getMessage());
            return;
        }
        ColourScale scale = ColourScale.quantiles(hours.allShownValues());
        String note = String.format(" · colours fixed over %02d:00-%02d:59", window.firstHour(), window.lastHour());
        List<Integer> order = hours.hoursOfDay();
        int[] next = {0};
        Runnable step = () -> {
            int hour = order.get(next[0] % order.size());
            Heatmap heatmap = hours.hours().get(hour);
            HeatmapShading.paint(map, heatmap, scale, note);
            description.setText(heatmap.description());
            playHour.setText(String.format("Showing %02d:00", hour));
            next[0]++;
        };
        step.run();
        play.setText("Pause");
        play.setIcon(VaadinIcon.PAUSE.create());
        UI ui = UI.getCurrent();
        ui.setPollInterval(PLAY_STEP_MS);
        playTicks = ui.addPollListener(e -> step.run());
    }

    private void stopPlaying() {
        if (playTicks == null) {
            return;
        }
        playTicks.remove();
        playTicks = null;
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        play.setText("Play hours");
        play.setIcon(VaadinIcon.PLAY.create());
        playHour.setText("");
    }

    private void pushUrl() {
        PresenceSelection selection = currentSelection();
        if (selection == null) {
            return;
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().pushState(null,
                new Location("presence", MapUrlState.of(selection, selectedArea).toQueryParameters())));
    }
}
