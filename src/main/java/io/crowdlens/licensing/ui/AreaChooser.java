package io.crowdlens.licensing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.crowdlens.common.ui.map.AreaMap;
import io.crowdlens.common.ui.map.AreaShade;
import io.crowdlens.common.ui.map.MapArea;
import io.crowdlens.common.ui.map.MapLegend;
import io.crowdlens.licensing.AreaChoice;
import io.crowdlens.licensing.LicenceAdministration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Choosing a licence's areas two ways that stay in step: clicking them on the map (a click adds or
 * removes an area), or ticking them in a searchable list paged from the database (for layers of
 * thousands of cells, or when the map is no help).
 */
class AreaChooser extends HorizontalLayout {

    private static final String CHOSEN = "#1b9e77";

    private final LicenceAdministration licences;
    private final AreaMap map = new AreaMap();
    private final TextField search = new TextField();
    private final Grid<AreaChoice> list = new Grid<>();
    private final Span count = new Span();
    private final Set<Long> chosen = new HashSet<>();
    private String layer;

    AreaChooser(LicenceAdministration licences, String tileUrl, String tileAttribution) {
        this.licences = licences;
        setWidthFull();
        map.setId("licence-map");
        map.setTiles(tileUrl, tileAttribution);
        map.setHeight("420px");
        map.addAreaClickListener(e -> toggle(Long.parseLong(e.areaId())));
        search.setPlaceholder("Search areas by name or code");
        search.setId("area-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidthFull();
        list.setId("area-list");
        list.addComponentColumn(area -> {
            Checkbox box = new Checkbox(chosen.contains(area.id()));
            box.setId("area-" + area.code());
            box.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    toggle(area.id());
                }
            });
            return box;
        }).setHeader("").setWidth("4rem").setFlexGrow(0);
        list.addColumn(AreaChoice::name).setHeader("Area").setAutoWidth(true);
        list.addColumn(AreaChoice::code).setHeader("Code").setAutoWidth(true);
        list.setItems(q -> licences.areas(layer, search.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> licences.countAreas(layer, search.getValue()));
        list.setHeight("340px");
        search.addValueChangeListener(e -> list.getDataProvider().refreshAll());
        count.setId("chosen-count");
        Button clear = new Button("Clear", e -> {
            chosen.clear();
            changed();
        });
        clear.addThemeVariants(ButtonVariant.TERTIARY);
        HorizontalLayout summary = new HorizontalLayout(count, clear);
        summary.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        VerticalLayout side = new VerticalLayout(search, list, summary);
        side.setPadding(false);
        side.setWidth("24rem");
        add(map, side);
        setFlexGrow(1, map);
    }

    void showLayer(String layerCode, Set<Long> initiallyChosen) {
        layer = layerCode;
        chosen.clear();
        chosen.addAll(initiallyChosen);
        List<AreaChoice> areas = layerCode == null ? List.of() : licences.areasForMap(layerCode);
        map.setAreas(areas.stream().map(a -> new MapArea(String.valueOf(a.id()), a.name(), a.geometryGeoJson()))
                .toList());
        map.fitToAreas();
        search.clear();
        changed();
    }

    /** A map drawn while hidden has no size: fit it again once it is shown. */
    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible) {
            map.fitToAreas();
        }
    }

    Set<Long> chosen() {
        return Set.copyOf(chosen);
    }

    private void toggle(long areaId) {
        if (!chosen.remove(areaId)) {
            chosen.add(areaId);
        }
        changed();
    }

    private void changed() {
        Map<String, AreaShade> shades = new LinkedHashMap<>();
        chosen.forEach(id -> shades.put(String.valueOf(id), AreaShade.value(CHOSEN, "in the licence")));
        map.setShading(shades, new MapLegend("Licensed areas", List.of(new MapLegend.Entry(CHOSEN, "in the licence",
                false)), "Click an area to add or remove it"));
        map.setSelection(shades.keySet());
        count.setText(chosen.size() == 1 ? "1 area chosen" : chosen.size() + " areas chosen");
        list.getDataProvider().refreshAll();
    }
}
