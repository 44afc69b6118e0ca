package io.crowdlens.pipeline.engine;

import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_AREA;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_INDEX;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_LAYER;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_LAYER_INDEX;
import static io.crowdlens.pipeline.presence.ScratchTables.DROP_CELL;
import static io.crowdlens.pipeline.presence.ScratchTables.DROP_CELL_KEY;

import io.crowdlens.pipeline.geography.CellArea;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Row1;
import org.jooq.Row5;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** What both engines do the same way. */
final class Scratch {

    private static final int ROWS_PER_INSERT = 1000;

    private Scratch() {
    }

    /** No execute logging: a debug log would otherwise print the run key bound into the classification. */
    static Settings settings() {
        return new Settings().withExecuteLogging(false).withRenderSchema(false);
    }

    static void stageCells(DSLContext dsl, Collection<String> cellKeys, Collection<CellArea> cellAreas) {
        dsl.createTable(DROP_CELL).column(DROP_CELL_KEY.getUnqualifiedName(), SQLDataType.VARCHAR.notNull()).execute();
        dsl.createTable(CELL_AREA)
                .column(CELL_AREA_CELL_KEY.getUnqualifiedName(), SQLDataType.VARCHAR.notNull())
                .column(CELL_AREA_LAYER.getUnqualifiedName(), SQLDataType.VARCHAR.notNull())
                .column(CELL_AREA_AREA.getUnqualifiedName(), SQLDataType.VARCHAR.notNull())
                .column(CELL_AREA_INDEX.getUnqualifiedName(), SQLDataType.INTEGER.notNull())
                .column(CELL_AREA_LAYER_INDEX.getUnqualifiedName(), SQLDataType.INTEGER.notNull())
                .execute();
        for (List<String> chunk : chunks(new ArrayList<>(cellKeys))) {
            List<Row1<String>> rows = chunk.stream().map(DSL::row).toList();
            dsl.insertInto(DROP_CELL, DROP_CELL_KEY).valuesOfRows(rows).execute();
        }
        for (List<IndexedCellArea> chunk : chunks(indexed(cellAreas))) {
            List<Row5<String, String, String, Integer, Integer>> rows = chunk.stream()
                    .map(c -> DSL.row(c.cellKey(), c.layerCode(), c.areaCode(), c.areaIndex(), c.layerIndex()))
                    .toList();
            dsl.insertInto(CELL_AREA, CELL_AREA_CELL_KEY, CELL_AREA_LAYER, CELL_AREA_AREA, CELL_AREA_INDEX,
                            CELL_AREA_LAYER_INDEX)
                    .valuesOfRows(rows).execute();
        }
    }

    /** A cell's area with the run's numbers for the area (layer and code) and for its layer. */
    record IndexedCellArea(String cellKey, String layerCode, String areaCode, int areaIndex, int layerIndex) {
    }

    /** Numbers each area and each layer in order of first appearance: every engine stages the same numbers. */
    static List<IndexedCellArea> indexed(Collection<CellArea> cellAreas) {
        Map<List<String>, Integer> areaIndex = new HashMap<>();
        Map<String, Integer> layerIndex = new HashMap<>();
        List<IndexedCellArea> indexed = new ArrayList<>(cellAreas.size());
        for (CellArea c : cellAreas) {
            indexed.add(new IndexedCellArea(c.cellKey(), c.layerCode(), c.areaCode(),
                    areaIndex.computeIfAbsent(List.of(c.layerCode(), c.areaCode()), k -> areaIndex.size()),
                    layerIndex.computeIfAbsent(c.layerCode(), k -> layerIndex.size())));
        }
        return indexed;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += ROWS_PER_INSERT) {
            chunks.add(all.subList(i, Math.min(all.size(), i + ROWS_PER_INSERT)));
        }
        return chunks;
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the run's scratch space " + directory, e);
        }
    }

    /** First line of an engine's error, for a one-line failure message. */
    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // DuckDB's JDBC driver puts a generic line ("unsuccessful or closed pending query") before the cause
        return message.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.contains("unsuccessful or closed pending query"))
                .findFirst().orElse(message);
    }
}
