package io.crowdlens.presence.ui;

import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.common.ui.EmptyState;
import io.crowdlens.common.ui.chart.Chart;
import io.crowdlens.common.ui.map.AreaMap;
import io.crowdlens.common.ui.map.AreaShade;
import io.crowdlens.common.ui.map.ColourScale;
import io.crowdlens.common.ui.map.MapArea;
import io.crowdlens.common.ui.map.MapLegend;
import io.crowdlens.export.ui.CsvDownload;
import io.crowdlens.presence.AreaFigure;
import io.crowdlens.presence.DayFilter;
import io.crowdlens.presence.Heatmap;
import io.crowdlens.presence.MapChoices;
import io.crowdlens.presence.PresenceMetric;
import io.crowdlens.presence.PresenceQueryService;
import io.crowdlens.presence.PresenceSelection;
import io.crowdlens.presence.SelectionBlockedException;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;

/** The map explorer: where people are, by area, for a chosen window of days and hours. */
@Route("presence")
@PageTitle("Presence map · CrowdLens")
@Menu(order = 1, title = "Presence map")
@RolesAllowed({Role.ANALYST, Role.PARTNER_ADMIN_ROLE})
@Uses(Chart.class) // the area side panel's charts and the CSV export (about to land here)
@Uses(CsvDownload.class)
class PresenceMapView extends VerticalLayout {

    private final PresenceQueryService presence;
    private final Select<String> layer = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Select<DayFilter> days = new Select<>();
    private final Select<Integer> firstHour = new Select<>();
    private final Select<Integer> lastHour = new Select<>();
    private final Select<PresenceMetric> metric = new Select<>();
    private final AreaMap map = new AreaMap();
    private final Paragraph description = new Paragraph();
    private final Div message = new Div();
    private String drawnLayer;

    PresenceMapView(PresenceQueryService presence,
            @Value("${crowdlens.map.tile-url}") String tileUrl,
            @Value("${crowdlens.map.tile-attribution}") String tileAttribution) {
        this.presence = presence;
        addClassName("crowdlens-page");
        setSizeFull();
        add(new H2("Presence map"));
        MapChoices choices = presence.choices();
        if (!choices.hasData()) {
            add(new EmptyState("No data published yet",
                    "There is no published presence release within your licence yet."));
            return;
        }
        layer.setLabel("Areas");
        layer.setId("layer");
        layer.setItems(choices.layers().keySet());
        layer.setItemLabelGenerator(code -> choices.layers().get(code));
        layer.setValue(choices.layers().keySet().iterator().next());
        for (DatePicker picker : List.of(from, to)) {
            picker.setMin(choices.firstDay());
            picker.setMax(choices.lastDay());
        }
        from.setId("from");
        to.setId("to");
        from.setValue(choices.firstDay());
        to.setValue(choices.firstDay().plusDays(6).isAfter(choices.lastDay()) ? choices.lastDay()
                : choices.firstDay().plusDays(6));
        days.setLabel("Days");
        days.setId("days");
        days.setItems(DayFilter.values());
        days.setItemLabelGenerator(DayFilter::label);
        days.setValue(DayFilter.WEEKDAYS);
        List<Integer> hours = IntStream.rangeClosed(0, 23).boxed().toList();
        firstHour.setLabel("From hour");
        firstHour.setId("first-hour");
        lastHour.setLabel("To hour");
        lastHour.setId("last-hour");
        for (Select<Integer> hour : List.of(firstHour, lastHour)) {
            hour.setItems(hours);
            hour.setItemLabelGenerator(h -> String.format("%02d:00", h));
        }
        firstHour.setValue(8);
        lastHour.setValue(8);
        metric.setLabel("Figure");
        metric.setId("metric");
        metric.setItems(PresenceMetric.values());
        metric.setItemLabelGenerator(PresenceMetric::label);
        metric.setValue(PresenceMetric.AVERAGE_HOURLY);
        HorizontalLayout controls = new HorizontalLayout(layer, from, to, days, firstHour, lastHour, metric);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        description.setId("map-description");
        message.setId("map-message");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        map.setTiles(tileUrl, tileAttribution);
        map.setId("presence-map");
        add(controls, description, message, map);
        setFlexGrow(1, map);
        List.of(layer, days, firstHour, lastHour, metric).forEach(c -> c.addValueChangeListener(e -> refresh()));
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        refresh();
    }

    private void refresh() {
        message.setText("");
        if (from.getValue() == null || to.getValue() == null || from.getValue().isAfter(to.getValue())
                || firstHour.getValue() > lastHour.getValue()) {
            message.setText("Choose a first day before the last day and a first hour before the last hour.");
            return;
        }
        if (!layer.getValue().equals(drawnLayer)) {
            map.setAreas(presence.areas(layer.getValue()).stream()
                    .map(a -> new MapArea(String.valueOf(a.id()), a.name(), a.geometryGeoJson())).toList());
            map.fitToAreas();
            drawnLayer = layer.getValue();
        }
        PresenceSelection selection = new PresenceSelection(layer.getValue(), from.getValue(), to.getValue(),
                days.getValue(), firstHour.getValue(), lastHour.getValue(), metric.getValue());
        try {
            show(presence.heatmap(selection));
        } catch (SelectionBlockedException blocked) {
            message.setText(blocked.getMessage());
            description.setText("");
            map.setShading(Map.of(), new MapLegend(metric.getValue().label(), List.of(), ""));
        }
    }

    private void show(Heatmap heatmap) {
        long[] values = heatmap.figures().stream().filter(f -> !f.suppressed()).mapToLong(AreaFigure::value).toArray();
        ColourScale scale = ColourScale.quantiles(values);
        Map<String, AreaShade> shades = new LinkedHashMap<>();
        String unit = heatmap.selection().metric() == PresenceMetric.AVERAGE_HOURLY ? " devices per hour (average)"
                : " devices in the peak hour";
        for (AreaFigure figure : heatmap.figures()) {
            shades.put(String.valueOf(figure.areaId()), figure.suppressed()
                    ? AreaShade.suppressed(heatmap.minimumCrowd())
                    : AreaShade.value(scale.colourOf(figure.value()), figure.value() + unit));
        }
        List<MapLegend.Entry> entries = new ArrayList<>(scale.legendEntries(heatmap.minimumCrowd()));
        entries.add(new MapLegend.Entry(null, "fewer than " + heatmap.minimumCrowd(), true));
        map.setShading(shades, new MapLegend(heatmap.selection().metric().label(), entries,
                "Release " + heatmap.release().id() + " · k = " + heatmap.minimumCrowd()));
        description.setText(heatmap.description());
    }
}
