package io.crowdlens.commuting.ui;

import io.crowdlens.common.Figure;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
import io.crowdlens.common.ui.map.MapFlow;
import io.crowdlens.common.ui.map.MapLegend;
import io.crowdlens.commuting.CommutingChoices;
import io.crowdlens.commuting.CommutingQueryService;
import io.crowdlens.commuting.District;
import io.crowdlens.commuting.DistrictFlows;
import io.crowdlens.commuting.Flow;
import io.crowdlens.figures.SelectionBlockedException;
import io.crowdlens.export.ui.ExportButtons;
import io.crowdlens.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;

/**
 * Commuters: pick a district (in the list or on the map) to see who commutes in and out, drawn as
 * weighted lines, ranked in a table, with the hours they leave home; and an OD matrix of chosen districts.
 */
@Route("commuters")
@PageTitle("Commuters · CrowdLens")
@Menu(order = 3, title = "Commuters")
@RolesAllowed({Role.ANALYST, Role.PARTNER_ADMIN_ROLE})
class CommutersView extends VerticalLayout {

    static final String OUTBOUND_COLOUR = "#d95f02";
    static final String INBOUND_COLOUR = "#1b6ca8";

    private final CommutingQueryService commuting;
    private final ComboBox<District> district = new ComboBox<>("District");
    private final AreaMap map = new AreaMap();
    private final Paragraph description = new Paragraph();
    private final Div message = new Div();
    private final Span totals = new Span();
    private final Grid<Flow> table = new Grid<>();
    private final Chart departures = new Chart();
    private final MultiSelectComboBox<District> matrixDistricts = new MultiSelectComboBox<>("Districts for the matrix");
    private final ODMatrixTable matrix = new ODMatrixTable();
    private final Div matrixMessage = new Div();
    private volatile Long exportedDistrict;
    private ExportButtons export;
    private volatile List<Long> exportedMatrix = List.of();
    private ExportButtons exportMatrix;

    CommutersView(CommutingQueryService commuting,
            @Value("${crowdlens.map.tile-url}") String tileUrl,
            @Value("${crowdlens.map.tile-attribution}") String tileAttribution) {
        this.commuting = commuting;
        addClassName("crowdlens-page");
        setWidthFull();
        add(new H2("Commuters"));
        CommutingChoices choices = commuting.choices();
        if (!choices.hasFlows()) {
            add(new EmptyState("No data published yet", choices.release().isEmpty()
                    ? "There is no published commuting release yet."
                    : "Your licence does not cover the districts and period of the published commuting release."));
            return;
        }
        district.setId("district");
        district.setItems(choices.districts());
        district.setItemLabelGenerator(District::name);
        district.setPlaceholder("Choose a district");
        district.setWidth("18em");
        export = new ExportButtons("Export OD table (CSV)", "export-flows", "export-flows-status",
                target -> commuting.exportFlows(exportedDistrict, target));
        export.setEnabled(false);
        HorizontalLayout controls = new HorizontalLayout(district, export);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        description.setId("flows-description");
        message.setId("flows-message");
        message.getStyle().set("color", "var(--lumo-error-text-color)");

        map.setId("flows-map");
        map.setTiles(tileUrl, tileAttribution);
        map.setHeight("480px");
        map.setAreas(choices.districts().stream()
                .map(d -> new MapArea(String.valueOf(d.id()), d.name(), d.geometryGeoJson())).toList());
        map.fitToAreas();
        map.setShading(Map.of(), legend(choices.minimumCrowd(), ""));
        map.addAreaClickListener(e -> choices.districts().stream()
                .filter(d -> String.valueOf(d.id()).equals(e.areaId())).findFirst().ifPresent(district::setValue));

        table.setId("flows-table");
        table.addColumn(f -> f.home().name()).setHeader("Home district").setAutoWidth(true);
        table.addColumn(f -> f.work().name()).setHeader("Work district").setAutoWidth(true);
        table.addColumn(this::direction).setHeader("Direction").setAutoWidth(true);
        table.addColumn(f -> f.commuters().shortText()).setHeader("Commuters").setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        table.setAllRowsVisible(true);
        totals.setId("flows-totals");
        departures.setId("departures-chart");
        departures.setHeight("280px");

        HorizontalLayout panels = new HorizontalLayout();
        panels.setWidthFull();
        VerticalLayout side = new VerticalLayout(new H3("Ranked flows"), totals, table);
        side.setPadding(false);
        side.setWidth("38em");
        panels.add(map, side);
        panels.setFlexGrow(1, map);

        matrixDistricts.setId("matrix-districts");
        matrixDistricts.setItems(choices.districts());
        matrixDistricts.setItemLabelGenerator(District::name);
        matrixDistricts.setWidth("40em");
        matrixMessage.setId("matrix-message");
        matrixMessage.getStyle().set("color", "var(--lumo-error-text-color)");
        matrix.setId("od-matrix");
        exportMatrix = new ExportButtons("Export matrix (CSV)", "export-matrix", "export-matrix-status",
                target -> commuting.exportMatrix(exportedMatrix, target));
        exportMatrix.setEnabled(false);
        HorizontalLayout matrixControls = new HorizontalLayout(matrixDistricts, exportMatrix);
        matrixControls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        matrixControls.setWrap(true);

        add(controls, description, message, panels, new H3("When they leave home (weekdays)"), departures,
                new H3("Origin-destination matrix"), new Paragraph("Choose two or more districts: rows are where commuters"
                        + " live, columns where they work."), matrixControls, matrixMessage, matrix);
        district.addValueChangeListener(e -> show(e.getValue()));
        matrixDistricts.addValueChangeListener(e -> showMatrix());
        // start with the first district of the list, so the page opens with figures
        choices.districts().stream().findFirst().ifPresent(district::setValue);
    }

    private void show(District chosen) {
        message.setText("");
        if (chosen == null) {
            return;
        }
        map.setSelection(List.of(String.valueOf(chosen.id())));
        try {
            DistrictFlows flows = commuting.flowsOf(chosen.id());
            exportedDistrict = chosen.id();
            description.setText(flows.describe());
            table.setItems(flows.ranked());
            totals.setText("Commuting out: " + flows.outboundTotal().shortText() + " · commuting in: "
                    + flows.inboundTotal().shortText() + " (sums of the pairs shown"
                    + (flows.release().noisy() ? "; ± = 95 % margin of the noise)" : ")"));
            map.setFlows(mapFlows(flows));
            map.setShading(Map.of(), legend(flows.minimumCrowd(), "Release " + flows.release().id()));
            departures.show(ChartData.byHourOfDay(
                    "Commuters by the hour they usually leave home on weekdays: from and to " + chosen.name(),
                    "Release " + flows.release().id() + " · k = " + flows.minimumCrowd()
                            + " · sums over the pairs shown",
                    "Commuters", "commuters",
                    List.of(ChartSeries.barsOf("Residents of " + chosen.name() + " leaving for work",
                                    hours(flows.departuresOfResidents())).highlightPeak(),
                            ChartSeries.barsOf("Workers coming to " + chosen.name(), hours(flows.departuresOfWorkers()))
                                    .highlightPeak()),
                    flows.minimumCrowd()));
            export.setEnabled(true);
        } catch (SelectionBlockedException blocked) {
            message.setText(blocked.getMessage());
            description.setText("");
            totals.setText("");
            table.setItems(List.of());
            map.setFlows(List.of());
            departures.clear();
            exportedDistrict = null;
            export.setEnabled(false);
        }
    }

    private void showMatrix() {
        matrixMessage.setText("");
        List<District> chosen = new ArrayList<>(matrixDistricts.getSelectedItems());
        chosen.sort(java.util.Comparator.comparing(District::name));
        exportedMatrix = List.of();
        exportMatrix.setEnabled(false);
        if (chosen.size() < 2) {
            matrix.clear();
            return;
        }
        List<Long> ids = chosen.stream().map(District::id).toList();
        try {
            matrix.show(commuting.matrix(ids));
            exportedMatrix = ids;
            exportMatrix.setEnabled(true);
        } catch (SelectionBlockedException blocked) {
            matrixMessage.setText(blocked.getMessage());
            matrix.clear();
        }
    }

    private String direction(Flow flow) {
        return district.getValue() != null && flow.home().id() == district.getValue().id() ? "out" : "in";
    }

    private static List<MapFlow> mapFlows(DistrictFlows flows) {
        List<MapFlow> lines = new ArrayList<>();
        for (Flow flow : flows.outbound()) {
            lines.add(line(flow, OUTBOUND_COLOUR, "out"));
        }
        for (Flow flow : flows.inbound()) {
            lines.add(line(flow, INBOUND_COLOUR, "in"));
        }
        return lines;
    }

    private static MapFlow line(Flow flow, String colour, String direction) {
        return new MapFlow(direction + "-" + flow.home().id() + "-" + flow.work().id(),
                new LatLng(flow.home().lat(), flow.home().lon()), new LatLng(flow.work().lat(), flow.work().lon()),
                flow.rounded(), colour, flow.home().name() + " → " + flow.work().name() + "\n"
                        + flow.commuters().shortText() + " commuters");
    }

    private static MapLegend legend(int k, String release) {
        return new MapLegend("Commuters between districts (line width)", List.of(
                new MapLegend.Entry(OUTBOUND_COLOUR, "living here, working there", false),
                new MapLegend.Entry(INBOUND_COLOUR, "living there, working here", false),
                new MapLegend.Entry(null, "pairs below the minimum crowd of " + k + " not drawn", true)),
                (release.isEmpty() ? "" : release + " · ") + "k = " + k);
    }

    private static List<Figure> hours(Map<Integer, Figure> byHour) {
        return IntStream.range(0, 24).mapToObj(hour -> byHour.getOrDefault(hour, Figure.hidden())).toList();
    }
}
