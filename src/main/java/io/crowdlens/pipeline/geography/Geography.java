package io.crowdlens.pipeline.geography;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import io.crowdlens.pipeline.drop.Cell;
import io.crowdlens.pipeline.drop.DropException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;

/**
 * The reference geography of one drop: its polygon layers, the H3 layer derived from its cells, and
 * which area of each layer every cell lies in (by the rule of {@link AreaLayer}, through a spatial
 * index). Building it checks each layer: areas that overlap by more than the limit fail the layer;
 * a layer in which no cell lies but would with latitude and longitude swapped fails as swapped. Cells
 * in no area of a layer are reported in {@link #warnings()}, never moved.
 *
 * @param warnings what the operator should know that does not fail the run (cells outside every area,
 *     small overlaps)
 */
public record Geography(Map<String, String> layerNames, String h3Layer, List<Area> areas, List<CellArea> cellAreas,
        List<String> warnings) {

    /** Cells listed by name in a note, at most. */
    static final int CELLS_NAMED = 5;

    public Geography {
        warnings = List.copyOf(warnings);
    }

    public static Geography of(List<Area> polygonAreas, List<Cell> cells, int h3Resolution) {
        return of(polygonAreas, cells, h3Resolution, GeographyLimits.DEFAULTS);
    }

    public static Geography of(List<Area> polygonAreas, List<Cell> cells, int h3Resolution, GeographyLimits limits) {
        H3Core h3 = h3();
        String h3Layer = "h3r" + h3Resolution;
        Map<String, String> layerNames = new LinkedHashMap<>();
        Map<String, List<Area>> byLayer = new LinkedHashMap<>();
        for (Area area : polygonAreas) {
            layerNames.putIfAbsent(area.layer(), displayName(area.layer()));
            byLayer.computeIfAbsent(area.layer(), l -> new ArrayList<>()).add(area);
        }
        layerNames.put(h3Layer, "H3 cells (resolution " + h3Resolution + ")");

        List<String> notes = new ArrayList<>();
        List<AreaLayer> layers = new ArrayList<>();
        byLayer.forEach((code, areas) -> layers.add(new AreaLayer(code, areas)));
        for (AreaLayer layer : layers) {
            notes.addAll(checkOverlaps(layer, limits));
        }

        List<CellArea> cellAreas = new ArrayList<>();
        Map<String, List<Cell>> outside = new LinkedHashMap<>();
        Set<String> hexagons = new LinkedHashSet<>();
        for (Cell cell : cells) {
            for (AreaLayer layer : layers) {
                Optional<Area> area = layer.areaOf(cell.lat(), cell.lon());
                area.ifPresent(a -> cellAreas.add(new CellArea(cell.key(), a.layer(), a.code())));
                if (area.isEmpty()) {
                    outside.computeIfAbsent(layer.code(), l -> new ArrayList<>()).add(cell);
                }
            }
            String hexagon = h3.latLngToCellAddress(cell.lat(), cell.lon(), h3Resolution);
            hexagons.add(hexagon);
            cellAreas.add(new CellArea(cell.key(), h3Layer, hexagon));
        }
        for (AreaLayer layer : layers) {
            List<Cell> lost = outside.getOrDefault(layer.code(), List.of());
            if (!lost.isEmpty() && lost.size() == cells.size()) {
                failIfSwapped(layer, cells);
            }
            if (!lost.isEmpty()) {
                notes.add(outsideNote(layer, lost, cells.size()));
            }
        }
        List<Area> areas = new ArrayList<>(polygonAreas);
        for (String hexagon : hexagons) {
            areas.add(hexagonArea(h3, h3Layer, hexagon));
        }
        return new Geography(layerNames, h3Layer, areas, cellAreas, notes);
    }

    private static List<String> checkOverlaps(AreaLayer layer, GeographyLimits limits) {
        List<LayerOverlaps.Overlap> overlaps = LayerOverlaps.of(layer);
        if (overlaps.isEmpty()) {
            return List.of();
        }
        LayerOverlaps.Overlap largest = overlaps.getFirst();
        if (largest.squareMetres() > limits.maxOverlapSquareMetres()) {
            throw new DropException(String.format(Locale.ROOT,
                    "areas.geojson layer %s: areas %s (%s) and %s (%s) overlap by %,.0f m², above the allowed %,.0f m²"
                            + " (crowdlens.pipeline.geography.max-overlap-square-metres); areas of a layer must not"
                            + " overlap, or a cell in both would count in one only",
                    layer.code(), largest.first().code(), largest.first().name(), largest.second().code(),
                    largest.second().name(), largest.squareMetres(), limits.maxOverlapSquareMetres()));
        }
        return List.of(String.format(Locale.ROOT,
                "layer %s: %d pairs of areas overlap slightly (largest %s and %s, %,.1f m²); a cell in an overlap"
                        + " counts in the first of them in the file",
                layer.code(), overlaps.size(), largest.first().code(), largest.second().code(), largest.squareMetres()));
    }

    /** No cell lies in any area of the layer: if they would with latitude and longitude swapped, say so. */
    private static void failIfSwapped(AreaLayer layer, List<Cell> cells) {
        long swapped = cells.stream().filter(c -> layer.areaOf(c.lon(), c.lat()).isPresent()).count();
        if (swapped > 0) {
            throw new DropException("areas.geojson layer " + layer.code() + ": no cell of cells.csv lies in any of its "
                    + layer.areas().size() + " areas, but " + swapped + " of " + cells.size()
                    + " would with latitude and longitude swapped: GeoJSON positions are [longitude, latitude]"
                    + " and cells.csv gives lat and lon by column name; swap the areas' positions (or the cells' columns)");
        }
    }

    private static String outsideNote(AreaLayer layer, List<Cell> lost, int cells) {
        String named = lost.stream().limit(CELLS_NAMED)
                .map(c -> c.key() + " " + AreaReader.position(c.lon(), c.lat()))
                .collect(Collectors.joining(", "));
        return "layer " + layer.code() + ": " + lost.size() + " of " + cells + " cells lie in no area and count in"
                + " none of its figures (" + named + (lost.size() > CELLS_NAMED ? ", ..." : "") + ")";
    }

    public String layerKind(String layerCode) {
        return layerCode.equals(h3Layer) ? "H3" : "POLYGON";
    }

    private static Area hexagonArea(H3Core h3, String layer, String hexagon) {
        List<LatLng> boundary = h3.cellToBoundary(hexagon);
        int n = boundary.size() + 1;
        Coordinate[] ring = new Coordinate[n];
        StringBuilder json = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < n; i++) {
            LatLng p = boundary.get(i % boundary.size());
            ring[i] = new Coordinate(p.lng, p.lat);
            json.append(i == 0 ? "" : ",").append('[').append(round(p.lng)).append(',').append(round(p.lat)).append(']');
        }
        json.append("]]}");
        LatLng centre = h3.cellToLatLng(hexagon);
        return new Area(layer, hexagon, hexagon, json.toString(), AreaReader.WGS84.createPolygon(ring), centre.lat,
                centre.lng);
    }

    private static String round(double degrees) {
        return String.format(Locale.ROOT, "%.7f", degrees);
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
