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
 * A Leaflet map of predefined areas (frontend/components/area-map.ts), reusable by every map in the
 * portal. Works on a plain background when no tiles load.
 *
 * <ul>
 * <li>Choropleth: {@link #setAreas} once per layer, then {@link #setShading} with a shade per area and
 * a {@link MapLegend}; suppressed areas are hatched ("fewer than k"), never coloured as zero. Clicks
 * arrive as {@link AreaClickEvent}s; {@link #setSelection} outlines the selected areas.</li>
 * <li>Overlays, drawn above the areas, each kind replaced as a whole by its setter (an empty list
 * removes it): {@link #setFlows} (weighted curves between two points), {@link #setPolylines}
 * (corridors), {@link #setPoints} (sites). Clicks arrive as {@link OverlayClickEvent}s;
 * {@link #setOverlaySelection} outlines the selected items.</li>
 * </ul>
 *
 * Every label reaches the browser as text only: names from operator files cannot inject markup.
 */
@Tag("crowdlens-area-map")
@NpmPackage(value = "leaflet", version = "1.9.4")
@NpmPackage(value = "@types/leaflet", version = "1.9.20", dev = true)
@JsModule("./components/area-map.ts")
public class AreaMap extends Component implements HasSize {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private MapLegend legend;
    private Map<String, AreaShade> shades = Map.of();
    private List<String> selection = List.of();

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

    /** Fills each area by its shade (areas without one are drawn as outlines only) and draws the legend. */
    public void setShading(Map<String, AreaShade> shades, MapLegend legend) {
        this.shades = Map.copyOf(shades);
        this.legend = legend;
        getElement().callJsFunction("setShading", JSON.writeValueAsString(new LinkedHashMap<>(shades)),
                JSON.writeValueAsString(legend));
    }

    /** Outlines these areas as selected (an empty list clears the selection). */
    public void setSelection(Collection<String> areaIds) {
        this.selection = List.copyOf(areaIds);
        getElement().callJsFunction("setSelection", JSON.writeValueAsString(List.copyOf(areaIds)));
    }

    /** The legend drawn now (null before the first shading): lets views and tests read the map as a user would. */
    public MapLegend legend() {
        return legend;
    }

    /** The shades drawn now, by area id. */
    public Map<String, AreaShade> shades() {
        return shades;
    }

    /** The selected area ids. */
    public List<String> selection() {
        return selection;
    }

    public void fitToAreas() {
        getElement().callJsFunction("fitToAreas");
    }

    /** Replaces the flows drawn (widest drawn first, so thin flows stay clickable on top). */
    public void setFlows(Collection<MapFlow> flows) {
        ArrayNode array = JSON.createArrayNode();
        for (MapFlow flow : flows) {
            ObjectNode node = array.addObject();
            node.put("id", flow.id());
            node.set("from", position(flow.from()));
            node.set("to", position(flow.to()));
            node.put("weight", flow.weight());
            node.put("colour", flow.colour());
            node.put("label", flow.label());
        }
        getElement().callJsFunction("setFlows", array.toString());
    }

    /** Replaces the polylines drawn. */
    public void setPolylines(Collection<MapPolyline> lines) {
        ArrayNode array = JSON.createArrayNode();
        for (MapPolyline line : lines) {
            ObjectNode node = array.addObject();
            node.put("id", line.id());
            ArrayNode path = node.putArray("path");
            line.path().forEach(p -> path.add(position(p)));
            node.put("colour", line.colour());
            node.put("widthPx", line.widthPx());
            node.put("label", line.label());
        }
        getElement().callJsFunction("setLines", array.toString());
    }

    /** Replaces the point markers drawn. */
    public void setPoints(Collection<MapPoint> points) {
        ArrayNode array = JSON.createArrayNode();
        for (MapPoint point : points) {
            ObjectNode node = array.addObject();
            node.put("id", point.id());
            node.set("position", position(point.position()));
            node.put("colour", point.colour());
            node.put("radiusPx", point.radiusPx());
            node.put("label", point.label());
        }
        getElement().callJsFunction("setPoints", array.toString());
    }

    /** Outlines the overlay items (flows, polylines or points) with these ids; an empty list clears it. */
    public void setOverlaySelection(Collection<String> ids) {
        getElement().callJsFunction("setOverlaySelection", JSON.writeValueAsString(List.copyOf(ids)));
    }

    /** Fits the view to the areas and all overlays. */
    public void fitToContent() {
        getElement().callJsFunction("fitToContent");
    }

    private static ArrayNode position(LatLng p) {
        ArrayNode pair = JSON.createArrayNode();
        pair.add(p.lat());
        pair.add(p.lng());
        return pair;
    }

    /** Listens to clicks on any overlay item; see {@link OverlayClickEvent#kind()}. */
    public Registration addOverlayClickListener(ComponentEventListener<OverlayClickEvent> listener) {
        return addListener(OverlayClickEvent.class, listener);
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

    /** Which kind of overlay an item belongs to. */
    public enum OverlayKind {
        FLOW("flows"), POLYLINE("lines"), POINT("points");

        private final String clientName;

        OverlayKind(String clientName) {
            this.clientName = clientName;
        }

        static OverlayKind fromClient(String name) {
            for (OverlayKind kind : values()) {
                if (kind.clientName.equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown overlay kind " + name);
        }
    }

    /** A click on a flow, polyline or point; {@code extend} is true when shift was held. */
    @DomEvent("overlay-click")
    public static class OverlayClickEvent extends ComponentEvent<AreaMap> {
        private final OverlayKind kind;
        private final String itemId;
        private final boolean extend;

        public OverlayClickEvent(AreaMap source, boolean fromClient,
                @EventData("event.detail.kind") String kind,
                @EventData("event.detail.id") String itemId,
                @EventData("event.detail.shift") boolean extend) {
            super(source, fromClient);
            this.kind = OverlayKind.fromClient(kind);
            this.itemId = itemId;
            this.extend = extend;
        }

        public OverlayKind kind() {
            return kind;
        }

        public String itemId() {
            return itemId;
        }

        public boolean extend() {
            return extend;
        }
    }
}
