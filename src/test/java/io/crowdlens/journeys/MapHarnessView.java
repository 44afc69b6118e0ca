package io.crowdlens.journeys;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import io.crowdlens.common.ui.map.AreaMap;
import io.crowdlens.common.ui.map.AreaShade;
import io.crowdlens.common.ui.map.ColourScale;
import io.crowdlens.common.ui.map.MapArea;
import io.crowdlens.common.ui.map.MapLegend;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test-only page (test classpath) that exercises the map component with a grid of areas. */
@Route(value = "test/map-harness", autoLayout = false)
@PermitAll
public class MapHarnessView extends VerticalLayout {

    static final int SIDE = 4;

    public MapHarnessView() {
        setSizeFull();
        AreaMap map = new AreaMap();
        Span clicked = new Span("none");
        clicked.setId("clicked");
        List<MapArea> areas = new ArrayList<>();
        Map<String, AreaShade> shades = new LinkedHashMap<>();
        long[] values = new long[SIDE * SIDE - 1];
        for (int row = 0; row < SIDE; row++) {
            for (int col = 0; col < SIDE; col++) {
                String id = "a" + row + col;
                double lon = 13.3 + col * 0.05;
                double lat = 52.45 + row * 0.03;
                String geometry = "{\"type\":\"Polygon\",\"coordinates\":[[[" + lon + "," + lat + "],[" + (lon + 0.05)
                        + "," + lat + "],[" + (lon + 0.05) + "," + (lat + 0.03) + "],[" + lon + "," + (lat + 0.03)
                        + "],[" + lon + "," + lat + "]]]}";
                // a hostile name from an operator file must show as text
                String name = row == 0 && col == 0 ? "<img src=x onerror=alert(1)> Old Town" : "Area " + id;
                areas.add(new MapArea(id, name, geometry));
            }
        }
        ColourScale scale;
        for (int i = 0; i < values.length; i++) {
            values[i] = 15 + (long) i * i * 10;
        }
        scale = ColourScale.quantiles(values);
        int i = 0;
        for (MapArea area : areas) {
            if (area.id().equals("a33")) {
                shades.put(area.id(), AreaShade.suppressed(15));
            } else {
                shades.put(area.id(), AreaShade.value(scale.colourOf(values[i]), values[i] + " devices per hour"));
                i++;
            }
        }
        List<MapLegend.Entry> entries = new ArrayList<>(scale.legendEntries(15));
        entries.add(new MapLegend.Entry(null, "fewer than 15", true));
        map.setAreas(areas);
        map.setShading(shades, new MapLegend("Average devices per hour", entries, "Test data · k = 15"));
        map.fitToAreas();
        map.addAreaClickListener(e -> {
            clicked.setText(e.areaId() + (e.extend() ? " +shift" : ""));
            map.setSelection(Set.of(e.areaId()));
        });
        add(clicked, map);
    }
}
