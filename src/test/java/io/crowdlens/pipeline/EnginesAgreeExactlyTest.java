package io.crowdlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.pipeline.drop.RejectReason;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.presence.PresenceCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a seeded synthetic drop with every kind of bad row, several event files and a DST change, DuckDB,
 * PostgreSQL and Trino give the same counts, the same quarantine and the same aggregates, row for row
 * (on Trino the malformed lines are found by the first pass that writes the drop as Parquet); and
 * Parquet events give the same aggregates as the equivalent CSV.
 */
class EnginesAgreeExactlyTest {

    static final Comparator<PresenceCount> ORDER = Comparator.comparing(PresenceCount::layerCode)
            .thenComparing(PresenceCount::areaCode).thenComparing(PresenceCount::localDay)
            .thenComparing(c -> c.hourOfDay() == null ? -1 : c.hourOfDay());

    @TempDir
    Path temp;

    @Test
    void duckDbPostgresAndTrinoAgreeRowForRowOnASyntheticDrop() throws IOException {
        Path drop = syntheticDrop(temp.resolve("drop"), new Random(20261025));

        EngineHarness.Result duck = EngineHarness.aggregate(EngineKind.DUCKDB, drop, temp.resolve("duck"));
        EngineHarness.Result postgres = EngineHarness.aggregate(EngineKind.POSTGRES, drop, temp.resolve("pg"));
        EngineHarness.Result trino = EngineHarness.aggregate(EngineKind.TRINO, drop, temp.resolve("trino"));

        assertThat(duck.events().rejected()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(duck.events().optedOut()).isPositive();
        assertThat(postgres.events()).isEqualTo(duck.events());
        assertThat(trino.events()).isEqualTo(duck.events());
        assertThat(sorted(postgres.presence())).hasSizeGreaterThan(500).isEqualTo(sorted(duck.presence()));
        assertThat(sorted(trino.presence())).isEqualTo(sorted(duck.presence()));
        List<String> duckQuarantine = Files.readAllLines(temp.resolve("duck/quarantine/events.csv"));
        assertThat(Files.readAllLines(temp.resolve("pg/quarantine/events.csv")))
                .containsExactlyInAnyOrderElementsOf(duckQuarantine);
        assertThat(Files.readAllLines(temp.resolve("trino/quarantine/events.csv")))
                .containsExactlyInAnyOrderElementsOf(duckQuarantine);
    }

    @Test
    void parquetEventsWithTimestampsOrEpochMillisGiveTheSameFiguresAsCsv() throws Exception {
        // timestamps with zone and epoch milliseconds are typed instants; text is parsed as in a CSV
        for (String ts : List.of("ts::timestamptz", "epoch_ms(ts::timestamptz)", "t")) {
            Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop-" + ts.length()));
            Path parquet = Files.createDirectories(drop.resolve("events")).resolve("part-0.parquet");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("copy (select device_id, cell_id, " + ts.replace("ts::", "t::") + " as ts from ("
                        + " select device_id, cell_id, case when ts ~ '^[0-9]+$' then to_timestamp(ts::bigint / 1000)::varchar"
                        + " else ts end as t from read_csv('" + drop.resolve("events.csv") + "', all_varchar = true)))"
                        + " to '" + parquet + "' (format parquet)");
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
            Files.delete(drop.resolve("events.csv"));

            EngineHarness.Result result = EngineHarness.aggregate(EngineKind.DUCKDB, drop, temp.resolve("out" + ts.length()));

            assertThat(result.events().accepted()).as(ts).isEqualTo(HandCountedDrop.EVENTS);
            assertThat(result.presence()).as(ts).containsExactlyInAnyOrderElementsOf(HandCountedDrop.ALL);
        }
    }

    @Test
    void parquetTimestampsWithoutZoneAreQuarantinedAsBadTimestamps() throws Exception {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop-naive"));
        Path parquet = Files.createDirectories(drop.resolve("events")).resolve("part-0.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("copy (select device_id, cell_id, cast(case when ts ~ '^[0-9]+$' then to_timestamp(ts::bigint / 1000)"
                    + " else ts::timestamptz end as timestamp) as ts from read_csv('" + drop.resolve("events.csv")
                    + "', all_varchar = true)) to '" + parquet + "' (format parquet)");
        }
        Files.delete(drop.resolve("events.csv"));

        EngineHarness.Result result = EngineHarness.aggregate(EngineKind.DUCKDB, drop, temp.resolve("out-naive"));

        assertThat(result.events().accepted()).isZero();
        assertThat(result.events().rejected()).containsOnlyKeys(RejectReason.BAD_TIMESTAMP);
        assertThat(result.events().rejected().get(RejectReason.BAD_TIMESTAMP)).isEqualTo(HandCountedDrop.EVENTS);
        assertThat(result.presence()).isEmpty();
    }

    @Test
    void typedParquetInstantsJudgeDuplicatesAndBadRowsAsTheCsvDoes() throws Exception {
        Path csvDrop = syntheticDrop(temp.resolve("csv-drop"), new Random(11));
        Path parquetDrop = syntheticDrop(temp.resolve("parquet-drop"), new Random(11));
        Path events = parquetDrop.resolve("events");
        for (int file = 0; file < 2; file++) {
            Path csv = events.resolve("part-" + file + ".csv");
            Path typed = events.resolve("typed-" + file + ".csv");
            StringBuilder rows = new StringBuilder("device_id,cell_id,epoch_ms\n");
            List<String> lines = Files.readAllLines(csv);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",", -1);
                if (fields.length == 3) { // malformed rows have no Parquet counterpart
                    rows.append(fields[0]).append(',').append(fields[1]).append(',').append(epochMillis(fields[2])).append('\n');
                }
            }
            Files.writeString(typed, rows.toString());
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("copy (select nullif(device_id, '') as device_id, cell_id, epoch_ms as ts from read_csv('" + typed
                        + "', header = true, columns = {'device_id': 'VARCHAR', 'cell_id': 'VARCHAR', 'epoch_ms': 'BIGINT'}))"
                        + " to '" + events.resolve("part-" + file + ".parquet") + "' (format parquet)");
            }
            Files.delete(csv);
            Files.delete(typed);
        }

        EngineHarness.Result fromCsv = EngineHarness.aggregate(EngineKind.DUCKDB, csvDrop, temp.resolve("csv-out"));
        EngineHarness.Result fromParquet = EngineHarness.aggregate(EngineKind.DUCKDB, parquetDrop, temp.resolve("pq-out"));

        assertThat(fromParquet.events().rejected().get(RejectReason.DUPLICATE)).isPositive()
                .isEqualTo(fromCsv.events().rejected().get(RejectReason.DUPLICATE));
        for (RejectReason reason : List.of(RejectReason.EMPTY_DEVICE_ID, RejectReason.UNKNOWN_CELL,
                RejectReason.BAD_TIMESTAMP, RejectReason.OUTSIDE_PERIOD)) {
            assertThat(fromParquet.events().rejected().get(reason)).as(reason.code())
                    .isEqualTo(fromCsv.events().rejected().get(reason));
        }
        assertThat(fromParquet.events().accepted()).isEqualTo(fromCsv.events().accepted());
        assertThat(fromParquet.events().optedOut()).isEqualTo(fromCsv.events().optedOut());
        assertThat(sorted(fromParquet.presence())).hasSizeGreaterThan(500).isEqualTo(sorted(fromCsv.presence()));
        assertThat(Files.readAllLines(temp.resolve("pq-out/quarantine/events.csv")))
                .filteredOn(line -> line.startsWith(RejectReason.DUPLICATE.code()))
                .hasSize(fromCsv.events().rejected().get(RejectReason.DUPLICATE).intValue());
    }

    /** The synthetic drop's timestamp text as epoch milliseconds; empty (null in Parquet) when it has no offset. */
    private static String epochMillis(String ts) {
        if (ts.matches("-?[0-9]+")) {
            return ts;
        }
        try {
            return Long.toString(java.time.OffsetDateTime.parse(ts).toInstant().toEpochMilli());
        } catch (java.time.format.DateTimeParseException e) {
            return "";
        }
    }

    static List<PresenceCount> sorted(List<PresenceCount> counts) {
        return counts.stream().sorted(ORDER).toList();
    }

    /** 300 devices, 40 cells, 9 days around the October DST change, 2 event files, a few bad rows of each kind. */
    static Path syntheticDrop(Path drop, Random random) throws IOException {
        TestDrops.copy(HandCountedDrop.NAME, drop);
        Files.delete(drop.resolve("events.csv"));
        TestDrops.write(drop, "manifest.json", """
                {"dropId": "synthetic", "periodFrom": "2026-10-21", "periodTo": "2026-10-28",
                 "timeZone": "Europe/Berlin", "optOutListVersion": "v7", "h3Resolution": 9}""");
        StringBuilder cells = new StringBuilder("radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal\n");
        for (int i = 0; i < 40; i++) {
            cells.append(String.format(Locale.ROOT, "LTE,262,1,4001,%d,0,%.5f,%.5f,500,1,1,0,0,0%n", 1000 + i,
                    13.37 + random.nextDouble() * 0.06, 52.47 + random.nextDouble() * 0.06));
        }
        TestDrops.write(drop, "cells.csv", cells.toString());
        TestDrops.write(drop, "optouts.csv", "device_id,received_on\nx003,2026-10-29\nx017,2026-10-29\nx250,2026-10-29\n");

        long from = Instant.parse("2026-10-20T20:00:00Z").toEpochMilli();
        long span = Instant.parse("2026-10-29T02:00:00Z").toEpochMilli() - from;
        Path events = Files.createDirectories(drop.resolve("events"));
        for (int file = 0; file < 2; file++) {
            StringBuilder rows = new StringBuilder("device_id,cell_id,ts\n");
            for (int i = 0; i < 6000; i++) {
                String device = String.format(Locale.ROOT, "x%03d", random.nextInt(300));
                String cell = "262-1-4001-" + (1000 + random.nextInt(40));
                long at = from + (long) (random.nextDouble() * span) / 1000 * 1000;
                String ts = random.nextBoolean() ? Long.toString(at)
                        : Instant.ofEpochMilli(at).atOffset(ZoneOffset.ofHours(random.nextInt(3) - 1)).toString();
                rows.append(device).append(',').append(cell).append(',').append(ts).append('\n');
                if (i % 1000 == 0) {
                    rows.append(device).append(',').append(cell).append(',').append(ts).append('\n'); // duplicate
                    rows.append(",").append(cell).append(',').append(ts).append('\n');
                    rows.append(device).append(",262-1-4001-9999,").append(ts).append('\n');
                    rows.append(device).append(',').append(cell).append(",2026-10-22 10:00:00\n");
                    rows.append(device).append(',').append(cell).append('\n');
                }
            }
            Files.writeString(events.resolve("part-" + file + ".csv"), rows.toString());
        }
        return drop;
    }
}
