package io.crowdlens.pipeline.geography;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import io.crowdlens.pipeline.drop.Cell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The reference geography of one drop: its polygon layers, the H3 layer derived from its cells, and
 * which area of each layer every cell lies in. Cells are few (one operator's sites), so this is plain
 * Java rather than a spatial extension the engine may not have.
 */
public record Geography(Map<String, String> layerNames, String h3Layer, List<Area> areas, List<CellArea> cellAreas) {

    public static Geography of(List<Area> polygonAreas, List<Cell> cells, int h3Resolution) {
        H3Core h3 = h3();
        String h3Layer = "h3r" + h3Resolution;
        Map<String, String> layerNames = new LinkedHashMap<>();
        Map<String, List<Area>> byLayer = new LinkedHashMap<>();
        for (Area area : polygonAreas) {
            layerNames.putIfAbsent(area.layer(), displayName(area.layer()));
            byLayer.computeIfAbsent(area.layer(), l -> new ArrayList<>()).add(area);
        }
        layerNames.put(h3Layer, "H3 cells (resolution " + h3Resolution + ")");

        List<CellArea> cellAreas = new ArrayList<>();
        Set<String> hexagons = new LinkedHashSet<>();
        for (Cell cell : cells) {
            for (List<Area> layer : byLayer.values()) {
                // areas of a layer should not overlap; where they do, the first in the file wins
                layer.stream().filter(a -> a.contains(cell.lat(), cell.lon())).findFirst()
                        .ifPresent(a -> cellAreas.add(new CellArea(cell.key(), a.layer(), a.code())));
            }
            String hexagon = h3.latLngToCellAddress(cell.lat(), cell.lon(), h3Resolution);
            hexagons.add(hexagon);
            cellAreas.add(new CellArea(cell.key(), h3Layer, hexagon));
        }
        List<Area> areas = new ArrayList<>(polygonAreas);
        for (String hexagon : hexagons) {
            areas.add(hexagonArea(h3, h3Layer, hexagon));
        }
        return new Geography(layerNames, h3Layer, areas, cellAreas);
    }

    public String layerKind(String layerCode) {
        return layerCode.equals(h3Layer) ? "H3" : "POLYGON";
    }

    private static Area hexagonArea(H3Core h3, String layer, String hexagon) {
        List<LatLng> boundary = h3.cellToBoundary(hexagon);
        int n = boundary.size() + 1;
        double[] lons = new double[n];
        double[] lats = new double[n];
        StringBuilder json = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < n; i++) {
            LatLng p = boundary.get(i % boundary.size());
            lons[i] = p.lng;
            lats[i] = p.lat;
            json.append(i == 0 ? "" : ",").append('[').append(round(p.lng)).append(',').append(round(p.lat)).append(']');
        }
        json.append("]]}");
        LatLng centre = h3.cellToLatLng(hexagon);
        Polygon polygon = new Polygon(new Ring(lons, lats), List.of());
        return new Area(layer, hexagon, hexagon, json.toString(), centre.lat, centre.lng, List.of(polygon),
                new double[] {min(lons), min(lats), max(lons), max(lats)});
    }

    private static String round(double degrees) {
        return String.format(Locale.ROOT, "%.7f", degrees);
    }

    private static double min(double[] values) {
        double m = Double.MAX_VALUE;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] values) {
        double m = -Double.MAX_VALUE;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static String displayName(String layerCode) {
        String words = layerCode.replace('_', ' ').replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static H3Core h3() {
        try {
            return H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the H3 native library", e);
        }
    }
}
