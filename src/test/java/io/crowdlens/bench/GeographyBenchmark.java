package io.crowdlens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import io.crowdlens.pipeline.drop.Cell;
import io.crowdlens.pipeline.geography.Area;
import io.crowdlens.pipeline.geography.AreaLayer;
import io.crowdlens.pipeline.geography.AreaReader;
import io.crowdlens.pipeline.geography.Geography;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Cell-to-area assignment with JTS at the size of a large city: 10,000 areas and 100,000 cells.
 * The areas tile Berlin's bounding box as a 100 x 100 grid whose inner edges wiggle (8 points per edge,
 * shared exactly by the two neighbours, so the areas touch without overlapping: about 36 positions
 * per area); the cells are spread uniformly over the box (seeded), so each lies in exactly one area.
 * Times: reading and checking areas.geojson (JSON, JTS validity), the layer checks and index without
 * cells (overlaps between neighbours), and the whole {@link Geography#of} with the cells (assignment and
 * H3 cell of each cell); H3 alone for comparison.
 */
class GeographyBenchmark {

    static final int GRID = 100;
    static final int CELLS = 100_000;
    static final int POINTS_PER_EDGE = 8;
    static final double WEST = 13.08;
    static final double EAST = 13.77;
    static final double SOUTH = 52.33;
    static final double NORTH = 52.68;
    static final int RUNS = 3;

    @Test
    void tenThousandAreasAndOneHundredThousandCells() throws Exception {
        String machine;
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            machine = BenchMachine.describe(duckdb);
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path file = Files.createTempFile("bench-areas", ".geojson");
        Files.writeString(file, gridGeoJson(new Random(20261204)), StandardCharsets.UTF_8);
        List<Cell> cells = cells(new Random(42));

        double[] read = new double[RUNS];
        double[] checks = new double[RUNS];
        double[] whole = new double[RUNS];
        double[] h3Only = new double[RUNS];
        double[] index = new double[RUNS];
        double[] assign = new double[RUNS];
        List<Area> areas = null;
        Geography geography = null;
        H3Core h3 = H3Core.newInstance();
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            areas = AreaReader.read(file);
            long t1 = System.nanoTime();
            Geography.of(areas, List.of(), 8);
            long t2 = System.nanoTime();
            geography = Geography.of(areas, cells, 8);
            long t3 = System.nanoTime();
            for (Cell cell : cells) {
                h3.latLngToCellAddress(cell.lat(), cell.lon(), 8);
            }
            long t4 = System.nanoTime();
            AreaLayer layer = AreaLayer.of("grid", areas);
            long t5 = System.nanoTime();
            long found = 0;
            for (Cell cell : cells) {
                found += layer.areaOf(cell.lat(), cell.lon()).isPresent() ? 1 : 0;
            }
            long t6 = System.nanoTime();
            assertThat(found).isEqualTo(CELLS);
            index[run] = (t5 - t4) / 1e9;
            assign[run] = (t6 - t5) / 1e9;
            read[run] = (t1 - t0) / 1e9;
            checks[run] = (t2 - t1) / 1e9;
            whole[run] = (t3 - t2) / 1e9;
            h3Only[run] = (t4 - t3) / 1e9;
        }
        long assigned = geography.cellAreas().stream().filter(c -> c.layerCode().equals("grid")).count();
        assertThat(areas).hasSize(GRID * GRID);
        assertThat(assigned).as("every cell lies in exactly one area").isEqualTo(CELLS);
        assertThat(geography.warnings()).isEmpty();
        int positions = areas.stream().mapToInt(a -> a.shape().getNumPoints()).sum();

        String report = String.format(Locale.ROOT, """
                ## Cell-to-area assignment (JTS), %s

                Measured %s with `GeographyBenchmark` (`./mvnw test -Dtest=GeographyBenchmark
                -Dsurefire.failIfNoSpecifiedTests=false`): %,d areas in one layer (a 100 x 100 grid over Berlin's
                bounding box whose inner edges wiggle, %,d positions in all, %.0f per area, %.1f MB of GeoJSON),
                %,d cells spread uniformly over it (each lies in exactly one area: checked). Median of %d runs
                in one JVM (min-max in brackets).

                | step | median | min-max |
                |---|---|---|
                | read and check areas.geojson (JSON, JTS validity of each polygon) | %.2f s | %.2f-%.2f s |
                | layer checks without cells (STRtree, overlaps between neighbouring areas) | %.2f s | %.2f-%.2f s |
                | `Geography.of` with the cells (layer checks, assignment, H3 cell of each cell) | %.2f s | %.2f-%.2f s |
                | STRtree of the 10,000 areas alone (`AreaLayer.of`) | %.3f s | %.3f-%.3f s |
                | **assignment alone: the area of each of the 100,000 cells** (`AreaLayer#areaOf`; index and per-area locators already built) | **%.2f s** | %.2f-%.2f s |
                | H3 cell of each cell alone, for comparison | %.2f s | %.2f-%.2f s |

                Machine:

                %s
                """,
                started, started, GRID * GRID, positions, (double) positions / (GRID * GRID), Files.size(file) / 1e6,
                CELLS, RUNS,
                median(read), min(read), max(read),
                median(checks), min(checks), max(checks),
                median(whole), min(whole), max(whole),
                median(index), min(index), max(index),
                median(assign), min(assign), max(assign),
                median(h3Only), min(h3Only), max(h3Only),
                machine);
        BenchReport.replaceSection("geography", report);
        Files.delete(file);
    }

    /** Grid positions: corners fixed, inner edges with points pushed sideways, shared by both neighbours. */
    private static String gridGeoJson(Random random) {
        double dx = (EAST - WEST) / GRID;
        double dy = (NORTH - SOUTH) / GRID;
        // wiggle of the horizontal edge at row r between columns c and c+1, and of the vertical ones
        double[][][] horizontal = new double[GRID + 1][GRID][POINTS_PER_EDGE];
        double[][][] vertical = new double[GRID][GRID + 1][POINTS_PER_EDGE];
        for (int r = 1; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                for (int p = 0; p < POINTS_PER_EDGE; p++) {
                    horizontal[r][c][p] = (random.nextDouble() - 0.5) * 0.08 * dy;
                }
            }
        }
        for (int r = 0; r < GRID; r++) {
            for (int c = 1; c < GRID; c++) {
                for (int p = 0; p < POINTS_PER_EDGE; p++) {
                    vertical[r][c][p] = (random.nextDouble() - 0.5) * 0.08 * dx;
                }
            }
        }
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                List<double[]> ring = new ArrayList<>();
                double x0 = WEST + c * dx;
                double y0 = SOUTH + r * dy;
                int n = POINTS_PER_EDGE + 1;
                for (int p = 0; p < n; p++) { // bottom, west to east
                    ring.add(new double[] {x0 + p * dx / n, y0 + (p == 0 ? 0 : horizontal[r][c][p - 1])});
                }
                for (int p = 0; p < n; p++) { // east side, south to north
                    ring.add(new double[] {x0 + dx + (p == 0 ? 0 : vertical[r][c + 1][p - 1]), y0 + p * dy / n});
                }
                for (int p = 0; p < n; p++) { // top, east to west
                    ring.add(new double[] {x0 + dx - p * dx / n, y0 + dy + (p == 0 ? 0 : horizontal[r + 1][c][n - 1 - p])});
                }
                for (int p = 0; p < n; p++) { // west side, north to south
                    ring.add(new double[] {x0 + (p == 0 ? 0 : vertical[r][c][n - 1 - p]), y0 + dy - p * dy / n});
                }
                ring.add(ring.getFirst());
                json.append(r + c == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"id\":\"A")
                        .append(r).append('-').append(c).append("\",\"name\":\"Area ").append(r).append('-').append(c)
                        .append("\",\"layer\":\"grid\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
                for (int i = 0; i < ring.size(); i++) {
                    json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.7f,%.7f]", ring.get(i)[0], ring.get(i)[1]));
                }
                json.append("]]}}");
            }
        }
        return json.append("]}").toString();
    }

    private static List<Cell> cells(Random random) {
        List<Cell> cells = new ArrayList<>(CELLS);
        for (int i = 0; i < CELLS; i++) {
            cells.add(new Cell("c" + i, SOUTH + random.nextDouble() * (NORTH - SOUTH), WEST + random.nextDouble() * (EAST - WEST)));
        }
        return cells;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
