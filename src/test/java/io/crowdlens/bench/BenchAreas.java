package io.crowdlens.bench;

import com.uber.h3core.H3Core;
import io.crowdlens.pipeline.demo.DemoDropFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The areas of a demo drop as the pipeline derives them, numbered for the bare engine: each cell's
 * district (point in polygon) and its H3 cell at the manifest's resolution.
 */
record BenchAreas(Map<String, List<Integer>> areasOfCell, Map<Integer, String> nameOfArea) {

    static BenchAreas of(DemoDropFiles drop) {
        int resolution = drop.json("manifest.json").has("h3Resolution")
                ? drop.json("manifest.json").get("h3Resolution").asInt() : 8;
        H3Core h3;
        try {
            h3 = H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> districtOfCell = drop.districtOfCell();
        Map<String, Integer> ids = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        Map<String, List<Integer>> areasOfCell = new HashMap<>();
        for (DemoDropFiles.CellLocation cell : drop.cells().values()) {
            List<Integer> areas = new ArrayList<>();
            for (String area : List.of("district/" + districtOfCell.get(cell.key()),
                    "h3r" + resolution + "/" + h3.latLngToCellAddress(cell.lat(), cell.lon(), resolution))) {
                areas.add(ids.computeIfAbsent(area, a -> {
                    names.put(ids.size(), a);
                    return ids.size();
                }));
            }
            areasOfCell.put(cell.key(), areas);
        }
        return new BenchAreas(areasOfCell, names);
    }
}
