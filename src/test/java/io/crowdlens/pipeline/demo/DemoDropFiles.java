package io.crowdlens.pipeline.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a generated drop back the way docs/drop-format.md describes it, independently of the
 * generator's own model: tests and benchmarks check the files, not the generator's intentions.
 */
public final class DemoDropFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dropDir;

    public DemoDropFiles(Path dropDir) {
        this.dropDir = dropDir;
    }

    /** A polygon area; {@code outline} is its exterior ring of (lon, lat). */
    public record Area(String id, String name, String layer, List<double[]> outline) {

        public boolean contains(double lon, double lat) {
            boolean inside = false;
            for (int i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
                double[] a = outline.get(i);
                double[] b = outline.get(j);
                if ((a[1] > lat) != (b[1] > lat) && lon < (b[0] - a[0]) * (lat - a[1]) / (b[1] - a[1]) + a[0]) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }

    public record CellLocation(String key, double lon, double lat) {
    }

    public JsonNode json(String file) {
        try {
            return JSON.readTree(Files.readString(dropDir.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ZoneId zone() {
        return ZoneId.of(json("manifest.json").get("timeZone").asString());
    }

    public LocalDate periodFrom() {
        return LocalDate.parse(json("manifest.json").get("periodFrom").asString());
    }

    public LocalDate periodTo() {
        return LocalDate.parse(json("manifest.json").get("periodTo").asString());
    }

    public List<Area> districts() {
        List<Area> areas = new ArrayList<>();
        for (JsonNode feature : json("areas.geojson").get("features").values()) {
            JsonNode properties = feature.get("properties");
            List<double[]> outline = new ArrayList<>();
            for (JsonNode point : feature.get("geometry").get("coordinates").get(0).values()) {
                outline.add(new double[] {point.get(0).asDouble(), point.get(1).asDouble()});
            }
            areas.add(new Area(properties.get("id").asString(), properties.get("name").asString(),
                    properties.get("layer").asString(), outline));
        }
        return areas;
    }

    public Map<String, CellLocation> cells() {
        Map<String, CellLocation> cells = new HashMap<>();
        List<String> lines = lines(dropDir.resolve("cells.csv"));
        List<String> header = List.of(lines.getFirst().toLowerCase(Locale.ROOT).split(","));
        boolean openCellId = header.contains("mcc");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            String key = openCellId ? f[1] + "-" + f[2] + "-" + f[3] + "-" + f[4] : f[header.indexOf("cell_id")];
            cells.put(key, new CellLocation(key, Double.parseDouble(f[header.indexOf("lon")]),
                    Double.parseDouble(f[header.indexOf("lat")])));
        }
        return cells;
    }

    /** Cell key to the id of the one district containing it (fails when none or several do). */
    public Map<String, String> districtOfCell() {
        List<Area> districts = districts();
        Map<String, String> mapping = new HashMap<>();
        for (CellLocation cell : cells().values()) {
            List<Area> containing = districts.stream().filter(d -> d.contains(cell.lon(), cell.lat())).toList();
            if (containing.size() != 1) {
                throw new IllegalStateException(cell + " lies in " + containing.size() + " districts");
            }
            mapping.put(cell.key(), containing.getFirst().id());
        }
        return mapping;
    }

    public Path directory() {
        return dropDir;
    }

    /** The data rows of optouts.csv. */
    public List<String> optOutLines() {
        List<String> lines = lines(dropDir.resolve("optouts.csv"));
        return lines.subList(1, lines.size());
    }

    public List<Path> eventFiles() {
        try (Stream<Path> files = Files.list(dropDir.resolve("events"))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every data row of every events CSV file, header skipped. */
    public void forEachEventRow(Consumer<String> row) {
        for (Path file : eventFiles()) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                reader.readLine();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    row.accept(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The instant of a ts value by the contract, or null when it is neither epoch ms nor ISO-8601 with offset. */
    public static Instant instant(String ts) {
        if (!ts.isEmpty() && ts.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(ts));
        }
        try {
            return OffsetDateTime.parse(ts).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
