package io.crowdlens.commuting.ui;

import io.crowdlens.common.Figure;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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
import io.crowdlens.common.ui.chart.ChartData;
import io.crowdlens.common.ui.chart.ChartSeries;
import io.crowdlens.common.ui.map.AreaMap;
import io.crowdlens.common.ui.map.LatLng;
import io.crowdlens.common.ui.map.MapArea;
import io.crowdlens.common.ui.map.MapLegend;
import io.crowdlens.common.ui.map.MapPolyline;
import io.crowdlens.commuting.CommutingChoices;
import io.crowdlens.commuting.CommutingQueryService;
import io.crowdlens.commuting.CorridorCounts;
import io.crowdlens.commuting.CorridorLine;
import io.crowdlens.commuting.CorridorQueryService;
import io.crowdlens.commuting.DayType;
import io.crowdlens.figures.SelectionBlockedException;
import io.crowdlens.commuting.TravelDirection;
import io.crowdlens.export.ui.ExportButtons;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Corridors: the highway corridors on the map; for the chosen one, average passes per day by hour of
 * entry in each direction (weekdays or weekends), the peak hours highlighted, and optionally a second
 * period side by side.
 */
@Route("corridors")
@PageTitle("Corridors · CrowdLens")
@Menu(order = 4, title = "Corridors")
@RolesAllowed({Role.ANALYST, Role.PARTNER_ADMIN_ROLE})
class CorridorsView extends VerticalLayout {

    static final String INBOUND_COLOUR = "#1b6ca8";
    static final String OUTBOUND_COLOUR = "#d95f02";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final CommutingQueryService commuting;
    private final CorridorQueryService corridors;
    private final Select<CorridorLine> corridor = new Select<>();
    private final Select<DayType> dayType = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Checkbox compare = new Checkbox("Compare with another period");
    private final DatePicker compareFrom = new DatePicker("Second period from");
    private final DatePicker compareTo = new DatePicker("To");
    private final AreaMap map = new AreaMap();
    private final Paragraph description = new Paragraph();
    private final Paragraph peaks = new Paragraph();
    private final Div message = new Div();
    private final Chart hourly = new Chart();
    private final Chart comparison = new Chart();
    private volatile Selection exported;

    /** What the export writes: the chosen corridor over the first period. */
    private record Selection(long corridorId, LocalDate from, LocalDate to) {
    }

    CorridorsView(CommutingQueryService commuting, CorridorQueryService corridors,
            @Value("${crowdlens.map.tile-url}") String tileUrl,
            @Value("${crowdlens.map.tile-attribution}") String tileAttribution) {
        this.commuting = commuting;
        this.corridors = corridors;
        addClassName("crowdlens-page");
        setWidthFull();
        add(new H2("Corridors"));
        CommutingChoices choices = commuting.choices();
        if (!choices.hasCorridors()) {
            add(new EmptyState("No corridor data", choices.release().isEmpty()
                    ? "There is no published commuting release yet."
                    : "The published release has no corridors, or your licence does not cover them (corridors need"
                            + " a licence for the whole layer)."));
            return;
        }
        corridor.setLabel("Corridor");
        corridor.setId("corridor");
        corridor.setItems(choices.corridors());
        corridor.setItemLabelGenerator(CorridorLine::name);
        corridor.setValue(choices.corridors().getFirst());
        dayType.setLabel("Days");
        dayType.setId("day-type");
        dayType.setItems(DayType.values());
        dayType.setItemLabelGenerator(DayType::label);
        dayType.setValue(DayType.WEEKDAY);
        for (DatePicker picker : List.of(from, to, compareFrom, compareTo)) {
            picker.setMin(choices.firstDay());
            picker.setMax(choices.lastDay());
        }
        from.setId("from");
        to.setId("to");
        compareFrom.setId("compare-from");
        compareTo.setId("compare-to");
        compare.setId("compare");
        LocalDate firstWeekEnd = earlier(choices.firstDay().plusDays(6), choices.lastDay());
        from.setValue(choices.firstDay());
        to.setValue(firstWeekEnd);
        compareFrom.setValue(earlier(firstWeekEnd.plusDays(1), choices.lastDay()));
        compareTo.setValue(earlier(firstWeekEnd.plusDays(7), choices.lastDay()));
        compareFrom.setVisible(false);
        compareTo.setVisible(false);
        ExportButtons export = new ExportButtons("Export corridor counts (CSV)", "export-corridor",
                "export-corridor-status",
                target -> corridors.exportCorridorCounts(exported.corridorId(), exported.from(), exported.to(), target));
        HorizontalLayout controls = new HorizontalLayout(corridor, dayType, from, to, compare, compareFrom, compareTo);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        description.setId("corridor-description");
        peaks.setId("corridor-peaks");
        message.setId("corridor-message");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        hourly.setId("corridor-chart");
        hourly.setHeight("320px");
        comparison.setId("corridor-comparison");
        comparison.setHeight("320px");
        comparison.setVisible(false);

        map.setId("corridor-map");
        map.setTiles(tileUrl, tileAttribution);
        map.setHeight("420px");
        map.setAreas(choices.districts().stream()
                .map(d -> new MapArea(String.valueOf(d.id()), d.name(), d.geometryGeoJson())).toList());
        map.setPolylines(choices.corridors().stream().map(CorridorsView::line).toList());
        map.setShading(Map.of(), new MapLegend("Highway corridors", List.of(
                new MapLegend.Entry("#6a3d9a", "corridor (drawn outbound)", false)), ""));
        map.fitToContent();
        map.addOverlayClickListener(e -> choices.corridors().stream()
                .filter(c -> String.valueOf(c.id()).equals(e.itemId())).findFirst().ifPresent(corridor::setValue));

        add(controls, export, description, message, peaks, hourly, comparison, map);
        List.of(corridor, dayType).forEach(c -> c.addValueChangeListener(e -> refresh()));
        List.of(from, to, compareFrom, compareTo).forEach(c -> c.addValueChangeListener(e -> refresh()));
        compare.addValueChangeListener(e -> {
            compareFrom.setVisible(e.getValue());
            compareTo.setVisible(e.getValue());
            refresh();
        });
        refresh();
    }

    private void refresh() {
        message.setText("");
        CorridorLine chosen = corridor.getValue();
        if (chosen == null || !ordered(from, to) || (compare.getValue() && !ordered(compareFrom, compareTo))) {
            message.setText("Choose a first day before the last day.");
            return;
        }
        map.setOverlaySelection(List.of(String.valueOf(chosen.id())));
        DayType type = dayType.getValue();
        try {
            CorridorCounts counts = corridors.corridorCounts(chosen.id(), from.getValue(), to.getValue());
            exported = new Selection(chosen.id(), from.getValue(), to.getValue());
            description.setText(counts.describe());
            hourly.show(ChartData.byHourOfDay(
                    "Average devices passing per day along " + chosen.name() + " by hour of entry, " + type.label().toLowerCase(Locale.ROOT)
                            + " " + period(counts.from(), counts.to()),
                    "Release " + counts.release().id() + " · k = " + counts.minimumCrowd() + " · " + counts.days().getOrDefault(type, 0)
                            + " " + type.label().toLowerCase(Locale.ROOT) + " in the period · peak hours outlined",
                    "Devices per day", "devices per day",
                    List.of(series("Inbound (towards the centre)", counts, type, TravelDirection.INBOUND),
                            series("Outbound", counts, type, TravelDirection.OUTBOUND)),
                    counts.minimumCrowd()));
            peaks.setText(peakText(counts, type));
            if (compare.getValue()) {
                showComparison(chosen, type, counts);
            } else {
                comparison.setVisible(false);
            }
        } catch (SelectionBlockedException blocked) {
            message.setText(blocked.getMessage());
            description.setText("");
            peaks.setText("");
            hourly.clear();
            comparison.setVisible(false);
        }
    }

    private void showComparison(CorridorLine chosen, DayType type, CorridorCounts first) {
        try {
            CorridorCounts second = corridors.corridorCounts(chosen.id(), compareFrom.getValue(), compareTo.getValue());
            String a = period(first.from(), first.to());
            String b = period(second.from(), second.to());
            comparison.show(ChartData.byHourOfDay(
                    "Average devices passing per day along " + chosen.name() + ", " + type.label().toLowerCase(Locale.ROOT) + ": " + a
                            + " compared with " + b,
                    "Release " + first.release().id() + " · k = " + first.minimumCrowd(), "Devices per day", "devices per day",
                    List.of(series("Inbound " + a, first, type, TravelDirection.INBOUND),
                            series("Inbound " + b, second, type, TravelDirection.INBOUND),
                            series("Outbound " + a, first, type, TravelDirection.OUTBOUND),
                            series("Outbound " + b, second, type, TravelDirection.OUTBOUND)),
                    first.minimumCrowd()));
            comparison.setVisible(true);
        } catch (SelectionBlockedException blocked) {
            message.setText("Second period: " + blocked.getMessage());
            comparison.setVisible(false);
        }
    }

    private static ChartSeries series(String name, CorridorCounts counts, DayType type, TravelDirection direction) {
        List<Figure> values = IntStream.range(0, 24).mapToObj(hour -> counts.average(type, direction, hour)).toList();
        ChartSeries series = ChartSeries.barsOf(name, values);
        OptionalInt peak = counts.peakHour(type, direction);
        return peak.isPresent() ? series.highlight(peak.getAsInt()) : series;
    }

    private static String peakText(CorridorCounts counts, DayType type) {
        List<String> parts = new ArrayList<>();
        for (TravelDirection direction : List.of(TravelDirection.INBOUND, TravelDirection.OUTBOUND)) {
            OptionalInt peak = counts.peakHour(type, direction);
            parts.add(direction.label() + " peak: " + (peak.isEmpty() ? "none shown"
                    : String.format(Locale.ROOT, "%02d:00-%02d:59 (%s devices per day)", peak.getAsInt(), peak.getAsInt(),
                            counts.average(type, direction, peak.getAsInt()).shortText())));
        }
        return String.join(" · ", parts) + ".";
    }

    private static MapPolyline line(CorridorLine corridor) {
        JsonNode coordinates = JSON.readTree(corridor.geometryGeoJson()).path("coordinates");
        List<LatLng> path = new ArrayList<>();
        coordinates.forEach(p -> path.add(new LatLng(p.get(1).asDouble(), p.get(0).asDouble())));
        return new MapPolyline(String.valueOf(corridor.id()), path, "#6a3d9a", 5,
                corridor.name() + "\n" + corridor.cellCount() + " cells within " + corridor.bufferMetres() + " m");
    }

    private static boolean ordered(DatePicker first, DatePicker last) {
        return first.getValue() != null && last.getValue() != null && !first.getValue().isAfter(last.getValue());
    }

    private static String period(LocalDate first, LocalDate last) {
        return SHORT.format(first) + "–" + SHORT.format(last);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
