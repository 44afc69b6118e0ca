package io.crowdlens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.crowdlens.pipeline.demo.DemoDropFiles;
import io.crowdlens.pipeline.demo.DemoDropFormat;
import io.crowdlens.pipeline.demo.DemoDropGenerator;
import io.crowdlens.pipeline.demo.DemoDropSpec;

/** The bare-engine benchmark is only worth comparing with if it computes presence correctly. */
class BarePresenceQueryTest {

    @ParameterizedTest
    @EnumSource(DemoDropFormat.class)
    void barePresenceQueryCountsTheSameDevicesAsAPlainJavaReference(DemoDropFormat format, @TempDir Path dir)
            throws Exception {
        // Four days around the end of summer time, with the default share of bad rows and opt-outs.
        DemoDropSpec spec = DemoDropSpec.of(400, 4, 11).withFirstDay(LocalDate.of(2026, 10, 23)).withFormat(format);
        DemoDropGenerator.write(spec, dir);
        DemoDropFiles drop = new DemoDropFiles(dir);
        Map<String, String> districtOfCell = drop.districtOfCell();

        Map<String, Long> bare;
        List<String> rows;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            BarePresenceQuery.run(connection, dir, format, districtOfCell, drop.zone(), drop.periodFrom(),
                    drop.periodTo());
            bare = BarePresenceQuery.presence(connection);
            rows = format == DemoDropFormat.CSV ? csvRows(drop) : parquetRows(connection, dir);
        }

        Map<String, Long> reference = javaPresence(drop, rows, districtOfCell);
        assertThat(reference).hasSizeGreaterThan(24 * 24 * 4);
        assertThat(bare).isEqualTo(reference);
    }

    private static List<String> csvRows(DemoDropFiles drop) {
        List<String> rows = new ArrayList<>();
        drop.forEachEventRow(rows::add);
        return rows;
    }

    @ParameterizedTest
    @EnumSource(DemoDropFormat.class)
    void barePresenceOfEveryLayerByLocalHourAndDayCountsWhatAPlainJavaReferenceCounts(DemoDropFormat format,
            @TempDir Path dir) throws Exception {
        // Four days around the end of summer time: the repeated hour is one local bucket
        DemoDropSpec spec = DemoDropSpec.of(400, 4, 11).withFirstDay(LocalDate.of(2026, 10, 23)).withFormat(format);
        DemoDropGenerator.write(spec, dir);
        DemoDropFiles drop = new DemoDropFiles(dir);
        BenchAreas areas = BenchAreas.of(drop);

        Map<String, Long> bare;
        List<String> rows;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            BarePresenceQuery.runAllLayers(connection, dir, format, areas.areasOfCell(), drop.zone(), drop.periodFrom(),
                    drop.periodTo());
            bare = BarePresenceQuery.allLayers(connection);
            rows = format == DemoDropFormat.CSV ? csvRows(drop) : parquetRows(connection, dir);
        }

        Map<String, Long> reference = javaPresenceOfEveryLayer(drop, rows, areas.areasOfCell());
        assertThat(reference.keySet()).anyMatch(key -> key.endsWith(" 2026-10-25 2"));
        assertThat(reference).hasSizeGreaterThan(2 * 24 * 24 * 4);
        assertThat(bare).isEqualTo(reference);
    }

    /** "area day hour" (-1 for the day) to distinct devices, by local wall-clock time. */
    private static Map<String, Long> javaPresenceOfEveryLayer(DemoDropFiles drop, List<String> rows,
            Map<String, List<Integer>> areasOfCell) {
        ZoneId zone = drop.zone();
        Set<String> optedOut = new HashSet<>();
        drop.optOutLines().forEach(line -> optedOut.add(line.split(",")[0]));
        Map<String, Set<String>> devices = new HashMap<>();
        for (String line : rows) {
            String[] f = line.split(",", -1);
            if (f.length != 3 || f[0].isBlank() || !areasOfCell.containsKey(f[1]) || optedOut.contains(f[0])) {
                continue;
            }
            Instant instant = DemoDropFiles.instant(f[2]);
            if (instant == null) {
                continue;
            }
            java.time.LocalDateTime local = instant.atZone(zone).toLocalDateTime();
            if (local.toLocalDate().isBefore(drop.periodFrom()) || local.toLocalDate().isAfter(drop.periodTo())) {
                continue;
            }
            for (int area : areasOfCell.get(f[1])) {
                devices.computeIfAbsent(area + " " + local.toLocalDate() + " " + local.getHour(), k -> new HashSet<>())
                        .add(f[0]);
                devices.computeIfAbsent(area + " " + local.toLocalDate() + " -1", k -> new HashSet<>()).add(f[0]);
            }
        }
        Map<String, Long> presence = new HashMap<>();
        devices.forEach((key, set) -> presence.put(key, (long) set.size()));
        return presence;
    }

    /** Parquet rows as CSV lines, a missing device id as an empty field. */
    private static List<String> parquetRows(Connection connection, Path dir) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT device_id, cell_id, ts FROM read_parquet('" + dir.resolve("events/*.parquet") + "')")) {
            while (result.next()) {
                rows.add(Objects.toString(result.getString(1), "") + "," + result.getString(2) + "," + result.getLong(3));
            }
        }
        return rows;
    }

    private static Map<String, Long> javaPresence(DemoDropFiles drop, List<String> rows,
                                                  Map<String, String> districtOfCell) {
        ZoneId zone = drop.zone();
        LocalDate from = drop.periodFrom();
        LocalDate to = drop.periodTo();
        Set<String> optedOut = new HashSet<>();
        drop.optOutLines().forEach(line -> optedOut.add(line.split(",")[0]));
        Map<String, Set<String>> devicesByDistrictHour = new HashMap<>();
        for (String line : rows) {
            String[] f = line.split(",", -1);
            if (f.length != 3 || f[0].isBlank() || !districtOfCell.containsKey(f[1]) || optedOut.contains(f[0])) {
                continue;
            }
            Instant instant = DemoDropFiles.instant(f[2]);
            if (instant == null) {
                continue;
            }
            LocalDate date = instant.atZone(zone).toLocalDate();
            if (date.isBefore(from) || date.isAfter(to)) {
                continue;
            }
            long hourStart = Math.floorDiv(instant.getEpochSecond(), 3600) * 3600;
            devicesByDistrictHour.computeIfAbsent(districtOfCell.get(f[1]) + " " + hourStart, k -> new HashSet<>())
                    .add(f[0]);
        }
        Map<String, Long> presence = new HashMap<>();
        devicesByDistrictHour.forEach((key, devices) -> presence.put(key, (long) devices.size()));
        return presence;
    }
}
