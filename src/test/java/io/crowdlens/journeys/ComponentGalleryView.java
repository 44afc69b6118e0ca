package io.crowdlens.journeys;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.crowdlens.common.ui.chart.Chart;
import io.crowdlens.common.ui.chart.ChartData;
import io.crowdlens.common.ui.chart.ChartSeries;
import io.crowdlens.common.ui.map.AreaMap;
import io.crowdlens.common.ui.map.AreaShade;
import io.crowdlens.common.ui.map.LatLng;
import io.crowdlens.common.ui.map.MapArea;
import io.crowdlens.common.ui.map.MapFlow;
import io.crowdlens.common.ui.map.MapLegend;
import io.crowdlens.common.ui.map.MapPoint;
import io.crowdlens.common.ui.map.MapPolyline;
import io.crowdlens.export.CsvExportWriter;
import io.crowdlens.export.ExportColumn;
import io.crowdlens.export.ExportMetadata;
import io.crowdlens.export.ui.CsvDownload;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Test-only page showing the shared building blocks (chart, map overlays, CSV download) with hostile
 * names, so a journey can check them in a real browser. Lives on the test classpath only.
 */
@Route("test/gallery")
@AnonymousAllowed
class ComponentGalleryView extends VerticalLayout {

    static final String HOSTILE = "<img src=x onerror=\"window.__xss=1\">";

    ComponentGalleryView() {
        setSizeFull();
        Long[] weekdays = new Long[24];
        Long[] weekend = new Long[24];
        for (int h = 0; h < 24; h++) {
            weekdays[h] = h < 6 ? null : 20L + 5 * Math.min(h, 24 - h);
            weekend[h] = h < 9 ? null : 18L + 3 * h;
        }
        Chart hourly = new Chart();
        hourly.setId("gallery-hourly");
        hourly.show(ChartData.byHourOfDay("Average devices per hour in Old Town, by hour of day", "Release 1 · k = 15",
                "Devices per hour", "devices per hour", List.of(
                        ChartSeries.bars("Weekdays", Arrays.asList(weekdays)).highlightPeak(),
                        ChartSeries.bars(HOSTILE, Arrays.asList(weekend))), 15));
        LocalDate day = LocalDate.of(2026, 10, 19);
        Chart daily = new Chart();
        daily.setId("gallery-daily");
        daily.show(ChartData.byDay("Distinct devices per day in Old Town", "Release 1 · k = 15", "Devices", "devices",
                day.datesUntil(day.plusDays(7)).toList(),
                List.of(ChartSeries.line("Old Town", Arrays.asList(320L, 310L, null, 290L, 400L, 120L, 90L))
                        .highlightPeak()), 15));

        Span clicked = new Span();
        clicked.setId("gallery-clicked");
        AreaMap map = new AreaMap();
        map.setId("gallery-map");
        map.setHeight("360px");
        map.setAreas(List.of(new MapArea("1", HOSTILE,
                "{\"type\":\"Polygon\",\"coordinates\":[[[13.30,52.45],[13.50,52.45],[13.50,52.58],[13.30,52.58],[13.30,52.45]]]}")));
        map.setShading(Map.of("1", AreaShade.suppressed(15)),
                new MapLegend("Commuters", List.of(new MapLegend.Entry(null, "fewer than 15", true)), "k = 15"));
        map.setFlows(List.of(
                new MapFlow("a-b", new LatLng(52.47, 13.33), new LatLng(52.55, 13.47), 400, null, "A to B\n400 commuters"),
                new MapFlow("b-a", new LatLng(52.55, 13.47), new LatLng(52.47, 13.33), 40, "#E69F00", "B to A\n40 commuters")));
        map.setPolylines(List.of(new MapPolyline("a100", List.of(new LatLng(52.46, 13.31), new LatLng(52.50, 13.40),
                new LatLng(52.57, 13.49)), "#009E73", 6, "A100 corridor")));
        map.setPoints(List.of(
                new MapPoint("mall", new LatLng(52.52, 13.36), "#CC79A7", 9, HOSTILE + "\n1,200 visitors"),
                new MapPoint("clinic", new LatLng(52.48, 13.45), null, 7, "Clinic")));
        map.fitToContent();
        map.addOverlayClickListener(e -> {
            clicked.setText(e.kind() + " " + e.itemId() + (e.extend() ? " +shift" : ""));
            map.setOverlaySelection(List.of(e.itemId()));
        });

        CsvDownload export = new CsvDownload("Export CSV", target -> {
            CsvExportWriter writer = CsvExportWriter.start(target, "crowdlens-gallery.csv", new ExportMetadata(
                    "Gallery figures", "Gallery Org", "Presence", 1, day, day, "UTC", 15, "exact", OffsetDateTime.now()),
                    List.of(ExportColumn.text("name"), ExportColumn.figure("devices")));
            writer.row("=1+1", io.crowdlens.common.Figure.exact(40));
            writer.row(HOSTILE, io.crowdlens.common.Figure.hidden());
            return writer.finish();
        });
        export.setIds("gallery-export", "gallery-export-status");

        HorizontalLayout charts = new HorizontalLayout(hourly, daily);
        charts.setWidthFull();
        add(charts, map, new Div(clicked), export);
    }
}
