package io.crowdlens.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.crowdlens.pipeline.demo.DemoDropFormat;

/**
 * Presence (distinct devices per district per hour) written by hand for DuckDB straight on a
 * drop's CSV or Parquet files: the "bare engine" the pipeline is compared with. It applies the same rules as
 * the pipeline must: rows that would be quarantined and opted-out devices count for nothing.
 *
 * <p>It buckets by UTC hour and labels hours afterwards: with whole-hour offsets every UTC hour is
 * exactly one local hour (both 02:00 hours of the autumn change included), and the per-row cost is
 * integer division instead of a time-zone conversion. Blank device ids and opt-outs are filtered
 * after the (device, district, hour) triples are made distinct, where there are fewer rows to test;
 * an ANTI JOIN against the opt-outs ran out of memory at 2 GB in DuckDB 1.5.6 here.
 */
final class BarePresenceQuery {

    private static final String OPT_OUTS = "CREATE OR REPLACE TEMP TABLE optouts AS SELECT DISTINCT device_id"
            + " FROM read_csv(%s, header = true, auto_detect = false,"
            + " columns = {'device_id': 'VARCHAR', 'received_on': 'DATE'})";

    private BarePresenceQuery() {
    }

    /** Writes table {@code presence(district_id, hour_start, devices)}; returns its row count. */
    static long run(Connection connection, Path dropDir, DemoDropFormat format, Map<String, String> districtOfCell,
                    ZoneId zone, LocalDate from, LocalDate to) throws SQLException {
        requireWholeHourOffsets(zone, from, to);
        long fromMilli = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long toMilli = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE cell_district (cell_id VARCHAR PRIMARY KEY, district_id VARCHAR)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cell_district VALUES (?, ?)")) {
                for (Map.Entry<String, String> cell : districtOfCell.entrySet()) {
                    insert.setString(1, cell.getKey());
                    insert.setString(2, cell.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            statement.execute(OPT_OUTS.formatted(quoted(dropDir.resolve("optouts.csv"))));
            statement.execute("""
                    CREATE OR REPLACE TEMP TABLE presence AS
                    WITH events AS (%s),
                    seen AS (
                      SELECT DISTINCT c.district_id, e.epoch_ms // 3600000 AS utc_hour, e.device_id
                      FROM events e
                      JOIN cell_district c ON c.cell_id = e.cell_id
                      WHERE e.epoch_ms >= %d AND e.epoch_ms < %d)
                    SELECT district_id, to_timestamp(utc_hour * 3600) AS hour_start, count(*) AS devices
                    FROM seen
                    WHERE trim(device_id) <> '' AND device_id NOT IN (SELECT device_id FROM optouts)
                    GROUP BY ALL
                    """.formatted(events(dropDir, format), fromMilli, toMilli));
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM presence")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * The pipeline's whole presence product by hand: distinct devices per area per local hour and per
     * local day, for every area a cell lies in (districts and H3 cells), with the same filtering as
     * {@link #run}. Each (area, local hour, device) is made distinct once; hourly presence counts those
     * rows, daily presence counts distinct devices among them. Local hours are wall-clock hours of the
     * zone (the repeated autumn hour is one bucket, as in the pipeline), computed as the instant plus
     * the zone's offset at it.
     *
     * <p>Writes tables {@code presence_hourly(area_id, local_day, hour_of_day, devices)} and
     * {@code presence_daily(area_id, local_day, devices)}; returns their rows together.
     *
     * @param areaOfCell for each cell key, the ids of the areas it lies in (one per layer)
     */
    static long runAllLayers(Connection connection, Path dropDir, DemoDropFormat format,
                             Map<String, List<Integer>> areaOfCell, ZoneId zone, LocalDate from, LocalDate to)
            throws SQLException {
        long fromMilli = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long toMilli = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE cell_area (cell_id VARCHAR, area_id INTEGER)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cell_area VALUES (?, ?)")) {
                for (Map.Entry<String, List<Integer>> cell : areaOfCell.entrySet()) {
                    for (int area : cell.getValue()) {
                        insert.setString(1, cell.getKey());
                        insert.setInt(2, area);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            statement.execute(OPT_OUTS.formatted(quoted(dropDir.resolve("optouts.csv"))));
            statement.execute("""
                    CREATE OR REPLACE TEMP TABLE seen AS
                    WITH events AS (%s)
                    SELECT DISTINCT a.area_id, (e.epoch_ms + %s) // 3600000 AS local_hour, e.device_id
                    FROM events e
                    JOIN cell_area a ON a.cell_id = e.cell_id
                    WHERE e.epoch_ms >= %d AND e.epoch_ms < %d
                    """.formatted(events(dropDir, format), offsetMillis("e.epoch_ms", zone, from, to), fromMilli,
                    toMilli));
            statement.execute("""
                    CREATE OR REPLACE TEMP TABLE presence_hourly AS
                    SELECT area_id, DATE '1970-01-01' + CAST(local_hour // 24 AS INTEGER) AS local_day,
                      CAST(local_hour % 24 AS INTEGER) AS hour_of_day, count(*) AS devices
                    FROM seen
                    WHERE trim(device_id) <> '' AND device_id NOT IN (SELECT device_id FROM optouts)
                    GROUP BY ALL
                    """);
            statement.execute("""
                    CREATE OR REPLACE TEMP TABLE presence_daily AS
                    SELECT area_id, DATE '1970-01-01' + CAST(local_hour // 24 AS INTEGER) AS local_day,
                      count(DISTINCT device_id) AS devices
                    FROM seen
                    WHERE trim(device_id) <> '' AND device_id NOT IN (SELECT device_id FROM optouts)
                    GROUP BY ALL
                    """);
            statement.execute("DROP TABLE seen");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT (SELECT count(*) FROM presence_hourly) + (SELECT count(*) FROM presence_daily)")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** "area day hour" (hour -1 for daily rows) to distinct devices, from {@link #runAllLayers}. */
    static Map<String, Long> allLayers(Connection connection) throws SQLException {
        Map<String, Long> presence = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT area_id, local_day, hour_of_day, devices FROM presence_hourly"
                     + " UNION ALL SELECT area_id, local_day, -1, devices FROM presence_daily")) {
            while (rows.next()) {
                presence.put(rows.getInt(1) + " " + rows.getObject(2, LocalDate.class) + " " + rows.getInt(3),
                        rows.getLong(4));
            }
        }
        return presence;
    }

    /** The zone's UTC offset in milliseconds at an epoch-millisecond expression, for the period and two days around it. */
    static String offsetMillis(String epochMillis, ZoneId zone, LocalDate from, LocalDate to) {
        var rules = zone.getRules();
        Instant start = from.minusDays(2).atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(3).atStartOfDay(zone).toInstant();
        StringBuilder sql = new StringBuilder("CASE");
        ZoneOffset current = rules.getOffset(start);
        for (ZoneOffsetTransition t = rules.nextTransition(start); t != null && t.getInstant().isBefore(end);
                t = rules.nextTransition(t.getInstant())) {
            sql.append(" WHEN ").append(epochMillis).append(" < ").append(t.getInstant().toEpochMilli())
                    .append(" THEN ").append(t.getOffsetBefore().getTotalSeconds() * 1000L);
            current = t.getOffsetAfter();
        }
        return sql.append(" ELSE ").append(current.getTotalSeconds() * 1000L).append(" END").toString();
    }

    /** device_id, cell_id and epoch_ms of the rows whose timestamp is valid by the contract. */
    private static String events(Path dropDir, DemoDropFormat format) {
        Path events = dropDir.resolve("events");
        return switch (format) {
            case CSV -> """
                    SELECT device_id, cell_id,
                      coalesce(try_cast(ts AS BIGINT),
                               CASE WHEN ts[-6] IN ('+', '-') OR ts[-1] = 'Z'
                                    THEN epoch_ms(try_cast(ts AS TIMESTAMPTZ)) END) AS epoch_ms
                    FROM read_csv(%s, header = true, auto_detect = false, ignore_errors = true,
                      columns = {'device_id': 'VARCHAR', 'cell_id': 'VARCHAR', 'ts': 'VARCHAR'})
                    """.formatted(quoted(events.resolve("*.csv")));
            case PARQUET -> "SELECT device_id, cell_id, ts AS epoch_ms FROM read_parquet(%s)"
                    .formatted(quoted(events.resolve("*.parquet")));
        };
    }

    /** (district id + " " + hour start epoch second) to distinct devices, for comparing with a reference. */
    static Map<String, Long> presence(Connection connection) throws SQLException {
        Map<String, Long> presence = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT district_id, epoch(hour_start)::BIGINT, devices FROM presence")) {
            while (rows.next()) {
                presence.put(rows.getString(1) + " " + rows.getLong(2), rows.getLong(3));
            }
        }
        return presence;
    }

    private static void requireWholeHourOffsets(ZoneId zone, LocalDate from, LocalDate to) {
        var rules = zone.getRules();
        var start = from.atStartOfDay(zone).toInstant();
        if (rules.getOffset(start).getTotalSeconds() % 3600 != 0) {
            throw new IllegalArgumentException(zone + " has an offset that is not a whole hour");
        }
        for (ZoneOffsetTransition t = rules.nextTransition(start);
                t != null && t.getInstant().isBefore(to.plusDays(1).atStartOfDay(zone).toInstant());
                t = rules.nextTransition(t.getInstant())) {
            if (t.getOffsetAfter().getTotalSeconds() % 3600 != 0) {
                throw new IllegalArgumentException(zone + " has an offset that is not a whole hour");
            }
        }
    }

    private static String quoted(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
