package io.crowdlens.common.ui.map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Leaflet choropleth of predefined areas (frontend/components/area-map.ts). Views give it areas,
 * a shade per area and a legend; it reports clicks (with shift for multi-select). Reusable by
 * every map in the portal.
 */
@Tag("crowdlens-area-map")
@NpmPackage(value = "leaflet", version = "1.9.4")
@NpmPackage(value = "@types/leaflet", version = "1.9.20", dev = true)
@JsModule("./components/area-map.ts")
public class AreaMap extends Component implements HasSize {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public AreaMap() {
        setWidthFull();
        setHeight("520px");
    }

    /** Tiles are optional: without them areas are drawn on a plain background. */
    public void setTiles(String urlTemplate, String attribution) {
        getElement().callJsFunction("setTiles", urlTemplate == null ? "" : urlTemplate,
                attribution == null ? "" : attribution);
    }

    public void setAreas(Collection<MapArea> areas) {
        ArrayNode array = JSON.createArrayNode();
        for (MapArea area : areas) {
            ObjectNode node = array.addObject();
            node.put("id", area.id());
            node.put("name", area.name());
            node.set("geometry", JSON.readTree(area.geometryGeoJson()));
        }
        getElement().callJsFunction("setAreas", array.toString());
    }

    public void setShading(Map<String, AreaShade> shades, MapLegend legend) {
        getElement().callJsFunction("setShading", JSON.writeValueAsString(new LinkedHashMap<>(shades)),
                JSON.writeValueAsString(legend));
    }

    public void setSelection(Collection<String> areaIds) {
        getElement().callJsFunction("setSelection", JSON.writeValueAsString(List.copyOf(areaIds)));
    }

    public void fitToAreas() {
        getElement().callJsFunction("fitToAreas");
    }

    public Registration addAreaClickListener(ComponentEventListener<AreaClickEvent> listener) {
        return addListener(AreaClickEvent.class, listener);
    }

    /** A click on an area; {@code extend} is true when shift was held (add to the selection). */
    @DomEvent("area-click")
    public static class AreaClickEvent extends ComponentEvent<AreaMap> {
        private final String areaId;
        private final boolean extend;

        public AreaClickEvent(AreaMap source, boolean fromClient,
                @EventData("event.detail.id") String areaId,
                @EventData("event.detail.shift") boolean extend) {
            super(source, fromClient);
            this.areaId = areaId;
            this.extend = extend;
        }

        public String areaId() {
            return areaId;
        }

        public boolean extend() {
            return extend;
        }
    }
}
