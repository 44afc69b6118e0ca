package io.crowdlens.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** The demo drop as the pipeline and the people looking at the demo will see it. */
class DemoDropGeneratorTest {

    private static final DemoDropSpec TWO_WEEKS = DemoDropSpec.defaults().withDevices(1_500);

    @TempDir
    static Path shared;
    private static DemoDropSummary summary;
    private static DemoDropFiles drop;

    @BeforeAll
    static void generateTwoWeeksForFifteenHundredDevices() {
        summary = DemoDropGenerator.write(TWO_WEEKS, shared.resolve("drop"));
        drop = new DemoDropFiles(shared.resolve("drop"));
    }

    @Test
    void operatorRegeneratesTheSameDropFromTheSameSeed(@TempDir Path dir) throws Exception {
        DemoDropSpec spec = DemoDropSpec.of(300, 14, 7);
        DemoDropGenerator.write(spec, dir.resolve("a"));
        DemoDropGenerator.write(spec, dir.resolve("b"));

        Map<String, String> first = hashes(dir.resolve("a"));
        assertThat(first).containsKeys("manifest.json", "cells.csv", "optouts.csv", "areas.geojson",
                "sites.geojson", "corridors.geojson", "events/events-0000.csv");
        assertThat(hashes(dir.resolve("b"))).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesOtherDevicesCellsAndEvents(@TempDir Path dir) throws Exception {
        DemoDropGenerator.write(DemoDropSpec.of(300, 3, 7), dir.resolve("a"));
        DemoDropGenerator.write(DemoDropSpec.of(300, 3, 8), dir.resolve("b"));

        Map<String, String> a = hashes(dir.resolve("a"));
        Map<String, String> b = hashes(dir.resolve("b"));
        assertThat(b.get("events/events-0000.csv")).isNotEqualTo(a.get("events/events-0000.csv"));
        assertThat(b.get("cells.csv")).isNotEqualTo(a.get("cells.csv"));
        assertThat(b.get("areas.geojson")).isEqualTo(a.get("areas.geojson"));
    }

    @Test
    void plannerSeesAtLeastTwentyDistrictsTilingTheMetroWithEveryCellInExactlyOne() {
        List<DemoDropFiles.Area> districts = drop.districts();

        assertThat(districts).hasSizeGreaterThanOrEqualTo(20);
        assertThat(districts).extracting(DemoDropFiles.Area::layer).containsOnly("district");
        assertThat(districts.stream().map(DemoDropFiles.Area::id).distinct()).hasSize(districts.size());
        assertThat(districts).allSatisfy(d -> {
            assertThat(d.name()).isNotBlank();
            assertThat(d.outline()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(d.outline().getFirst()).containsExactly(d.outline().getLast());
        });
        Map<String, String> districtOfCell = drop.districtOfCell();
        assertThat(districtOfCell).hasSize(summary.cells());
        assertThat(summary.cells()).isBetween(300, 800);

        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 5_000; i++) {
            double radiusKm = 14.9 * Math.sqrt(random.nextDouble());
            double angle = random.nextDouble() * 2 * Math.PI;
            double lon = 13.40 + radiusKm * Math.cos(angle) / (111.32 * Math.cos(Math.toRadians(52.52)));
            double lat = 52.52 + radiusKm * Math.sin(angle) / 111.32;
            assertThat(districts.stream().filter(d -> d.contains(lon, lat)).count())
                    .as("districts containing %s, %s", lon, lat).isEqualTo(1);
        }
    }

    @Test
    void cellsAreDenserDowntownThanInTheOuterRing() {
        Map<String, Double> areaById = new HashMap<>();
        drop.districts().forEach(d -> areaById.put(d.id(), shoelace(d.outline())));
        Map<String, Integer> cellsById = new HashMap<>();
        drop.districtOfCell().values().forEach(id -> cellsById.merge(id, 1, Integer::sum));

        double centre = density(areaById, cellsById, "C");
        double inner = density(areaById, cellsById, "I");
        double outer = density(areaById, cellsById, "O");
        assertThat(centre).isGreaterThan(2 * inner);
        assertThat(inner).isGreaterThan(2 * outer);
    }

    @Test
    void retailAnalystFindsShoppingCentresAndAnExcludedClinicInSites() {
        List<JsonNode> sites = List.copyOf(drop.json("sites.geojson").get("features").values());

        List<JsonNode> shopping = sites.stream()
                .filter(s -> s.get("properties").get("category").asString().equals("shopping_centre")).toList();
        assertThat(shopping).hasSizeGreaterThanOrEqualTo(5);
        assertThat(sites).anySatisfy(s -> assertThat(s.get("properties").get("category").asString()).isEqualTo("clinic"));
        assertThat(sites).allSatisfy(s -> {
            assertThat(s.get("properties").get("id").asString()).isNotBlank();
            assertThat(s.get("properties").get("name").asString()).isNotBlank();
            assertThat(s.get("geometry").get("type").asString()).isEqualTo("Point");
            assertThat(s.get("properties").get("radius").asInt()).isPositive();
            assertThat(cellsWithin(s, s.get("properties").get("radius").asDouble())).isNotEmpty();
        });
    }

    @Test
    void plannerFindsThreeOutboundHighwayCorridorsLinedWithCells() {
        List<JsonNode> corridors = List.copyOf(drop.json("corridors.geojson").get("features").values());

        assertThat(corridors).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode corridor : corridors) {
            assertThat(corridor.get("properties").get("id").asString()).isNotBlank();
            assertThat(corridor.get("properties").get("name").asString()).isNotBlank();
            assertThat(corridor.get("geometry").get("type").asString()).isEqualTo("LineString");
            List<JsonNode> line = List.copyOf(corridor.get("geometry").get("coordinates").values());
            assertThat(line).hasSizeGreaterThanOrEqualTo(2);
            assertThat(kmFromCentre(line.getLast())).isGreaterThan(kmFromCentre(line.getFirst()) + 10);
            double buffer = corridor.get("properties").path("bufferMetres").asDouble(500);
            long cellsInBuffer = drop.cells().values().stream()
                    .filter(c -> metresToLine(c.lon(), c.lat(), line) <= buffer).count();
            assertThat(cellsInBuffer).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void aboutTwoPercentOfDevicesOptedOutBeforeOrDuringThePeriod() {
        Set<String> devices = new HashSet<>();
        drop.forEachEventRow(row -> devices.add(row.substring(0, row.indexOf(','))));
        devices.removeIf(String::isBlank);
        List<String> optOuts = DemoDropFiles.lines(shared.resolve("drop/optouts.csv"));

        assertThat(optOuts.getFirst()).isEqualTo("device_id,received_on");
        List<String> listed = optOuts.subList(1, optOuts.size());
        assertThat(listed).hasSize(summary.optOuts());
        assertThat(devices).hasSize(TWO_WEEKS.devices());
        assertThat((double) listed.size() / devices.size()).isBetween(0.01, 0.03);
        assertThat(listed).allSatisfy(line -> {
            String[] f = line.split(",");
            assertThat(devices).contains(f[0]);
            assertThat(java.time.LocalDate.parse(f[1])).isBeforeOrEqualTo(drop.periodTo());
        });
    }

    @Test
    void pipelineQuarantinesExactlyThePlantedBadRowsPerReason() {
        DropContractValidator validator = new DropContractValidator(drop);
        drop.forEachEventRow(validator::check);

        assertThat(validator.rejected()).isEqualTo(summary.badRows());
        assertThat(validator.accepted()).isEqualTo(summary.goodEvents());
        assertThat(summary.badRows().values()).allSatisfy(count -> assertThat(count).isPositive());
        double share = (double) summary.totalBadRows() / summary.eventRows();
        assertThat(share).isBetween(0.001, 0.003);
        assertThat(drop.json("manifest.json").get("expectedRows").get("events").asLong()).isEqualTo(summary.eventRows());
        assertThat(drop.json("manifest.json").get("expectedRows").get("cells").asLong()).isEqualTo(summary.cells());
    }

    @Test
    void summaryCountsTheRowsOfEveryFile() throws IOException {
        for (Map.Entry<String, Long> file : summary.rowsPerFile().entrySet()) {
            try (Stream<String> lines = Files.lines(shared.resolve("drop").resolve(file.getKey()))) {
                assertThat(lines.count() - 1).as(file.getKey()).isEqualTo(file.getValue());
            }
        }
        assertThat(summary.rowsPerFile()).containsKeys("cells.csv", "optouts.csv", "events/events-0000.csv");
    }

    @Test
    void devicesProduceAFewToAFewDozenEventsPerDay() {
        double perDeviceDay = (double) summary.goodEvents() / (TWO_WEEKS.devices() * TWO_WEEKS.days());
        assertThat(perDeviceDay).isBetween(10.0, 50.0);
    }

    @Test
    void plannerSeesCommutersDowntownOnWeekdayMorningsAndBackOutInTheEvening() {
        Map<String, String> districtOfCell = drop.districtOfCell();
        long[][] downtownAndAll = new long[24][2];
        long[][] outerAndAll = new long[24][2];
        forEachGoodEvent((row, local) -> {
            if (local.getDayOfWeek().getValue() <= 5) {
                String district = districtOfCell.get(row[1]);
                int hour = local.getHour();
                downtownAndAll[hour][0] += district.startsWith("C") ? 1 : 0;
                downtownAndAll[hour][1]++;
                outerAndAll[hour][0] += district.startsWith("O") ? 1 : 0;
                outerAndAll[hour][1]++;
            }
        });

        assertThat(share(downtownAndAll[10])).isGreaterThan(1.5 * share(downtownAndAll[3]));
        assertThat(share(outerAndAll[21])).isGreaterThan(1.2 * share(outerAndAll[10]));
    }

    @Test
    void retailAnalystSeesLunchtimeAndWeekendPeaksAtShoppingCentres() {
        Set<String> shoppingCells = new HashSet<>();
        for (JsonNode site : drop.json("sites.geojson").get("features").values()) {
            if (site.get("properties").get("category").asString().equals("shopping_centre")) {
                shoppingCells.addAll(cellsWithin(site, site.get("properties").get("radius").asDouble()));
            }
        }
        long[] weekdayByHour = new long[24];
        long[] eventsByWeekend = new long[2];
        Set<java.time.LocalDate> weekendDays = new HashSet<>();
        Set<java.time.LocalDate> weekdays = new HashSet<>();
        forEachGoodEvent((row, local) -> {
            boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
            (weekend ? weekendDays : weekdays).add(local.toLocalDate());
            if (shoppingCells.contains(row[1])) {
                eventsByWeekend[weekend ? 1 : 0]++;
                if (!weekend) {
                    weekdayByHour[local.getHour()]++;
                }
            }
        });

        assertThat(weekdayByHour[12]).isGreaterThan(2 * weekdayByHour[9]);
        assertThat(weekdayByHour[12]).isGreaterThan(weekdayByHour[15]);
        assertThat((double) eventsByWeekend[1] / weekendDays.size())
                .isGreaterThan(1.3 * eventsByWeekend[0] / weekdays.size());
    }

    @Test
    void devicesAreSeenInBothRealHoursOfTheRepeatedHourWhenSummerTimeEnds() {
        Set<String> offsetsOfTheRepeatedHour = new HashSet<>();
        drop.forEachEventRow(row -> {
            String ts = row.substring(row.lastIndexOf(',') + 1);
            if (ts.startsWith("2026-10-25T02:") && ts.length() == 25) {
                offsetsOfTheRepeatedHour.add(ts.substring(19));
            }
        });
        assertThat(offsetsOfTheRepeatedHour).containsExactlyInAnyOrder("+02:00", "+01:00");
    }

    @Test
    void operatorGetsParquetEventsWithEpochMillisecondTimestamps(@TempDir Path dir) throws Exception {
        DemoDropSummary parquet = DemoDropGenerator.write(
                DemoDropSpec.of(200, 3, 5).withFormat(DemoDropFormat.PARQUET), dir.resolve("drop"));
        Path file = dir.resolve("drop/events/events-0000.parquet");

        assertThat(file).exists();
        assertThat(dir.resolve("drop/events/events-0000.csv")).doesNotExist();
        assertThat(parquet.badRows()).containsEntry(BadRowReason.MALFORMED, 0L).containsEntry(BadRowReason.BAD_TIMESTAMP, 0L);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
                while (r.next()) {
                    columns.add(r.getString(1) + " " + r.getString(2));
                }
            }
            assertThat(columns).containsExactly("device_id VARCHAR", "cell_id VARCHAR", "ts BIGINT");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet('" + file + "')")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(parquet.eventRows());
            }
        }
    }

    @Test
    void operatorCanAskForOpenCellIdLayoutAndEventsUseItsCellKeys(@TempDir Path dir) {
        DemoDropSummary openCellId = DemoDropGenerator.write(
                DemoDropSpec.of(300, 2, 3).withCellsLayout(CellsLayout.OPENCELLID), dir.resolve("drop"));
        DemoDropFiles files = new DemoDropFiles(dir.resolve("drop"));
        DropContractValidator validator = new DropContractValidator(files);
        files.forEachEventRow(validator::check);

        assertThat(DemoDropFiles.lines(dir.resolve("drop/cells.csv")).getFirst()).startsWith("radio,mcc,net,area,cell");
        assertThat(validator.rejected()).isEqualTo(openCellId.badRows());
        assertThat(validator.accepted()).isEqualTo(openCellId.goodEvents());
    }

    @Test
    void progressIsReportedUpToTheLastDevice(@TempDir Path dir) {
        List<int[]> reports = new ArrayList<>();
        DemoDropGenerator.write(DemoDropSpec.of(2_500, 1, 1), dir.resolve("drop"),
                (done, total, rows) -> reports.add(new int[] {done, total}));
        assertThat(reports).extracting(r -> r[0]).containsExactly(1_000, 2_000, 2_500);
    }

    @Test
    void generatorRefusesToMixIntoANonEmptyDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("events.csv"), "old");
        assertThatThrownBy(() -> DemoDropGenerator.write(DemoDropSpec.of(10, 1, 1), dir))
                .hasMessageContaining("not empty");
    }

    @Test
    void specRejectsABadRowShareAtTheDefaultRejectLimit() {
        assertThatThrownBy(() -> DemoDropSpec.defaults().withBadRowShare(0.01))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoDropSpec.of(0, 14, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private interface EventVisitor {
        void visit(String[] row, ZonedDateTime local);
    }

    private static void forEachGoodEvent(EventVisitor visitor) {
        ZoneId zone = drop.zone();
        Set<String> cells = drop.cells().keySet();
        drop.forEachEventRow(line -> {
            String[] row = line.split(",", -1);
            if (row.length == 3 && !row[0].isBlank() && cells.contains(row[1])) {
                Instant instant = DemoDropFiles.instant(row[2]);
                if (instant != null) {
                    visitor.visit(row, instant.atZone(zone));
                }
            }
        });
    }

    private static Set<String> cellsWithin(JsonNode pointSite, double radiusMetres) {
        double lon = pointSite.get("geometry").get("coordinates").get(0).asDouble();
        double lat = pointSite.get("geometry").get("coordinates").get(1).asDouble();
        Set<String> keys = new HashSet<>();
        drop.cells().values().stream().filter(c -> metres(c.lon(), c.lat(), lon, lat) <= radiusMetres)
                .forEach(c -> keys.add(c.key()));
        return keys;
    }

    private static double metres(double lon1, double lat1, double lon2, double lat2) {
        double x = (lon2 - lon1) * 111_320 * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double y = (lat2 - lat1) * 111_320;
        return Math.hypot(x, y);
    }

    private static double kmFromCentre(JsonNode point) {
        return metres(13.40, 52.52, point.get(0).asDouble(), point.get(1).asDouble()) / 1000;
    }

    private static double metresToLine(double lon, double lat, List<JsonNode> line) {
        double best = Double.MAX_VALUE;
        for (int i = 1; i < line.size(); i++) {
            double ax = line.get(i - 1).get(0).asDouble();
            double ay = line.get(i - 1).get(1).asDouble();
            double bx = line.get(i).get(0).asDouble();
            double by = line.get(i).get(1).asDouble();
            double dx = bx - ax;
            double dy = by - ay;
            double t = Math.clamp(((lon - ax) * dx + (lat - ay) * dy) / (dx * dx + dy * dy), 0, 1);
            best = Math.min(best, metres(lon, lat, ax + t * dx, ay + t * dy));
        }
        return best;
    }

    private static double shoelace(List<double[]> outline) {
        double sum = 0;
        for (int i = 1; i < outline.size(); i++) {
            sum += outline.get(i - 1)[0] * outline.get(i)[1] - outline.get(i)[0] * outline.get(i - 1)[1];
        }
        return Math.abs(sum) / 2;
    }

    private static double density(Map<String, Double> areaById, Map<String, Integer> cellsById, String prefix) {
        double area = areaById.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(Map.Entry::getValue).sum();
        int cells = cellsById.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(Map.Entry::getValue).sum();
        return cells / area;
    }

    private static double share(long[] partAndAll) {
        return (double) partAndAll[0] / partAndAll[1];
    }

    private static Map<String, String> hashes(Path dropDir) throws Exception {
        Map<String, String> hashes = new HashMap<>();
        try (Stream<Path> files = Files.walk(dropDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(file)) {
                    digest.update(in.readAllBytes());
                }
                hashes.put(dropDir.relativize(file).toString(), HexFormat.of().formatHex(digest.digest()));
            }
        }
        return hashes;
    }
}
