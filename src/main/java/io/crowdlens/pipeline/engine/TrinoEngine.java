package io.crowdlens.pipeline.engine;

import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA;
import static io.crowdlens.pipeline.presence.ScratchTables.DROP_CELL;
import static io.crowdlens.pipeline.presence.ScratchTables.OPTOUT;
import static io.crowdlens.pipeline.presence.ScratchTables.RAW_EVENT;

import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.drop.QuarantineFile;
import io.crowdlens.pipeline.drop.RejectReason;
import io.crowdlens.pipeline.geography.CellArea;
import io.trino.jdbc.TrinoStatement;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Trino: the drop's events and opt-outs are tables of a catalog (Parquet or ORC in a Hive or Iceberg
 * catalog, {@link DropTables}); the run works in a schema of its own in the scratch catalog, made when
 * the engine opens and dropped when it closes, whatever happened (and by a shutdown hook if the JVM is
 * stopped first). raw_event is a view over the events table, so the events are read where they lie.
 *
 * <p>The run key: trino-jdbc sends bind values as literals inside the query text, which Trino keeps in
 * its query history and shows in its UI. So this engine never sends a key: Trino makes one itself
 * (from two random UUIDs, hashed) into a table of the memory catalog, which lives in the workers' memory
 * only, and the queries read it from there (docs/decisions/015-keyed-device-hash.md).
 */
public final class TrinoEngine implements PipelineEngine {

    public static final String RUN_SCHEMA_PREFIX = "crowdlens_run_";
    /** Each INSERT is a query of its own in Trino: fewer, larger statements stage cells faster. */
    private static final int ROWS_PER_INSERT = 5000;
    private static final String RUN_KEY_TABLE = "run_key";

    private final TrinoConnection settings;
    private final DropTables drop;
    private final ProgressListener progress;
    private final String schema = RUN_SCHEMA_PREFIX + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    private final Connection connection;
    private final DSLContext dsl;
    private final Thread dropOnExit;
    private Field<String> runKey;
    private Map<String, Map<String, String>> dropColumns;
    private boolean closed;

    public TrinoEngine(TrinoConnection settings, DropTables drop, ProgressListener progress) {
        this.settings = settings;
        this.drop = drop;
        this.progress = progress;
        try {
            connection = connect(settings);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to Trino at " + settings.url() + ": " + Scratch.firstLine(e), e);
        }
        dropOnExit = new Thread(this::dropScratchOnExit, "trino-scratch-cleanup");
        try {
            Runtime.getRuntime().addShutdownHook(dropOnExit);
            try (Statement s = connection.createStatement()) {
                s.execute("create schema " + scratchSchema() + location());
                s.execute("create schema " + keySchema());
            }
            connection.setCatalog(settings.scratchCatalog());
            connection.setSchema(schema);
        } catch (SQLException | RuntimeException e) {
            close();
            throw new IllegalStateException("Could not open a scratch schema in Trino (" + settings.scratchCatalog() + ", "
                    + settings.keyCatalog() + "): " + Scratch.firstLine(e), e);
        }
        dsl = DSL.using(connection, SQLDialect.TRINO, Scratch.settings().withStatementType(StatementType.STATIC_STATEMENT));
    }

    private static Connection connect(TrinoConnection settings) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        if (!settings.password().isEmpty()) {
            properties.setProperty("password", settings.password());
        }
        return DriverManager.getConnection(settings.url(), properties);
    }

    /** The run-private schema holding every scratch table of the run. */
    public String schema() {
        return schema;
    }

    @Override
    public EngineKind kind() {
        return EngineKind.TRINO;
    }

    @Override
    public DSLContext sql() {
        return dsl;
    }

    /**
     * The same tables as {@link Scratch#stageCells}, each made by a CREATE TABLE AS over literal rows
     * (a Trino statement costs a round of planning and scheduling, so fewer of them).
     */
    @Override
    public void stageCells(Collection<String> cellKeys, Collection<CellArea> cellAreas) {
        stageRows(DROP_CELL.getName(), "cell_key varchar", "cell_key",
                cellKeys.stream().map(key -> "(" + literal(key) + ")").toList());
        stageRows(CELL_AREA.getName(),
                "cell_key varchar, layer_code varchar, area_code varchar, area_index integer, layer_index integer",
                "cell_key, layer_code, area_code, area_index, layer_index",
                Scratch.indexed(cellAreas).stream().map(c -> "(" + literal(c.cellKey()) + ", " + literal(c.layerCode())
                        + ", " + literal(c.areaCode()) + ", " + c.areaIndex() + ", " + c.layerIndex() + ")").toList());
    }

    private void stageRows(String table, String columns, String names, List<String> rows) {
        if (rows.isEmpty()) {
            run("create table " + table + " (" + columns + ")");
            return;
        }
        for (int i = 0; i < rows.size(); i += ROWS_PER_INSERT) {
            String values = "select * from (values " + String.join(", ", rows.subList(i, Math.min(rows.size(),
                    i + ROWS_PER_INSERT))) + ") as t (" + names + ")";
            run(i == 0 ? "create table " + table + " as " + values : "insert into " + table + " " + values);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Ignores the Java-held secret (see the class comment): Trino makes the run's key, once. */
    @Override
    public Field<String> runKey(String secret) {
        if (runKey == null) {
            run("create table " + keySchema() + "." + RUN_KEY_TABLE + " as select"
                    + " to_hex(sha256(to_utf8(cast(uuid() as varchar) || cast(uuid() as varchar)))) as secret");
            runKey = DSL.field("(select secret from " + keySchema() + "." + RUN_KEY_TABLE + ")", SQLDataType.VARCHAR);
        }
        return runKey;
    }

    /** The drop's optouts table; {@code file} (the drop folder's optouts.csv) is not read. */
    @Override
    public long stageOptOuts(Path file) {
        Map<String, String> columns = dropColumns(DropTables.OPTOUTS);
        DropTables.require(columns, drop.name(DropTables.OPTOUTS), "device_id");
        String device = "trim(cast(device_id as varchar))";
        // the update count of CREATE TABLE AS is the number of rows written: the distinct devices
        return update("create table " + OPTOUT.getName() + " as select distinct " + device + " as device_id from "
                + drop.table(DropTables.OPTOUTS) + " where nullif(" + device + ", '') is not null");
    }

    /**
     * raw_event as a view over the drop's events table; {@code files} (the drop folder's event files) are
     * not read. A typed ts comes through as the instant (ts_at) as in DuckDB: epoch milliseconds, a
     * timestamp with time zone, or a timestamp without one, which a Hive table holds as UTC (Hive has no
     * type with a zone); text is parsed by the classification.
     */
    @Override
    public void stageEvents(List<Path> files, QuarantineFile quarantine) {
        Map<String, String> columns = dropColumns(DropTables.EVENTS);
        DropTables.require(columns, drop.name(DropTables.EVENTS), "device_id", "cell_id", "ts");
        String tsType = columns.get("ts");
        String source = columns.containsKey("source_file") ? "cast(source_file as varchar)" : "\"$path\"";
        run("create view " + RAW_EVENT.getName() + " as select cast(device_id as varchar) as device_id,"
                + " cast(cell_id as varchar) as cell_id, cast(ts as varchar) as ts, " + source + " as source_file, "
                + typedInstant(tsType) + " as ts_at from " + drop.table(DropTables.EVENTS));
    }

    private Map<String, String> dropColumns(String table) {
        if (dropColumns == null) {
            dropColumns = drop.columns(connection);
        }
        return dropColumns.get(table);
    }

    static String typedInstant(String columnType) {
        String type = columnType.toLowerCase(Locale.ROOT);
        if (List.of("bigint", "integer", "smallint", "tinyint").contains(type)) {
            // not date_add('millisecond', ...): on a timestamp with time zone it takes an int and overflows
            return "case when ts between -999999999999999 and 999999999999999"
                    + " then timestamp '1970-01-01 00:00:00.000 UTC' + ts * interval '0.001' second end";
        }
        if (type.startsWith("timestamp") && type.endsWith("with time zone")) {
            return "ts";
        }
        if (type.startsWith("timestamp")) {
            return "with_timezone(ts, 'UTC')";
        }
        return "cast(null as timestamp(3) with time zone)";
    }

    /** The lines the first pass found malformed (the drop's optional malformed_events table). */
    @Override
    public long quarantineMalformedEvents(QuarantineFile quarantine) {
        if (dropColumns(DropTables.MALFORMED_EVENTS).isEmpty()) {
            return 0;
        }
        long rows = 0;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select source_file, line from " + drop.table(DropTables.MALFORMED_EVENTS)
                     + " order by source_file, line_number")) {
            while (rs.next()) {
                String source = rs.getString(1);
                quarantine.reject(RejectReason.MALFORMED, source == null ? "" : Path.of(source).getFileName().toString(),
                        rs.getString(2));
                rows++;
            }
        } catch (SQLException e) {
            throw new DropException(drop.name(DropTables.MALFORMED_EVENTS) + " could not be read: " + Scratch.firstLine(e), e);
        }
        return rows;
    }

    @Override
    public void execute(String step, Query query) {
        String sql = dsl.renderInlined(query);
        progress.started(step);
        try (Statement s = connection.createStatement()) {
            s.unwrap(TrinoStatement.class).setProgressMonitor(stats -> progress.progress(step, stats.getProcessedRows(),
                    stats.getProgressPercentage().isPresent() ? stats.getProgressPercentage().getAsDouble() / 100 : -1));
            s.execute(sql);
            progress.finished(step, s.getUpdateCount());
        } catch (SQLException e) {
            throw new IllegalStateException(step + " failed in Trino: " + Scratch.firstLine(e), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or will run
        }
        try {
            dropScratch(connection);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the schemas are dropped (or the failure is being reported)
            }
        }
    }

    private void dropScratchOnExit() {
        if (closed) {
            return;
        }
        try (Connection c = connect(settings)) {
            dropScratch(c);
        } catch (SQLException | RuntimeException e) {
            System.err.println("Could not drop the run's Trino scratch schema " + schema + ": " + Scratch.firstLine(e));
        }
    }

    /**
     * Drops the run's schemas with everything in them: {@code drop schema ... cascade} (Iceberg and
     * memory have it), else table by table.
     */
    private void dropScratch(Connection c) {
        List<String> failures = new ArrayList<>();
        for (String catalog : List.of(settings.scratchCatalog(), settings.keyCatalog())) {
            try (Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + DropTables.quote(catalog) + "." + DropTables.quote(schema) + " cascade");
                continue;
            } catch (SQLException e) {
                // the connector lacks CASCADE: drop what is there one by one
            }
            try (Statement s = c.createStatement()) {
                Map<String, String> relations = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery("select table_name, table_type from " + DropTables.quote(catalog)
                        + ".information_schema.tables where table_schema = '" + schema + "'")) {
                    while (rs.next()) {
                        relations.put(rs.getString(1), rs.getString(2));
                    }
                }
                boolean exists;
                try (ResultSet rs = s.executeQuery("select count(*) from " + DropTables.quote(catalog)
                        + ".information_schema.schemata where schema_name = '" + schema + "'")) {
                    exists = rs.next() && rs.getLong(1) > 0;
                }
                for (Map.Entry<String, String> relation : relations.entrySet()) {
                    String kind = "VIEW".equalsIgnoreCase(relation.getValue()) ? "view" : "table";
                    s.execute("drop " + kind + " if exists " + DropTables.quote(catalog) + "." + DropTables.quote(schema)
                            + "." + DropTables.quote(relation.getKey()));
                }
                if (exists) {
                    s.execute("drop schema " + DropTables.quote(catalog) + "." + DropTables.quote(schema));
                }
            } catch (SQLException e) {
                failures.add(catalog + ": " + Scratch.firstLine(e));
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Could not drop the run's scratch schema " + schema + " in Trino: "
                    + String.join("; ", failures));
        }
    }

    private String scratchSchema() {
        return DropTables.quote(settings.scratchCatalog()) + "." + DropTables.quote(schema);
    }

    private String keySchema() {
        return DropTables.quote(settings.keyCatalog()) + "." + DropTables.quote(schema);
    }

    private String location() {
        return settings.scratchLocation().isEmpty() ? ""
                : " with (location = '" + (settings.scratchLocation() + "/" + schema).replace("'", "''") + "')";
    }

    private void run(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Trino failed: " + Scratch.firstLine(e), e);
        }
    }

    private long update(String sql) {
        try (Statement s = connection.createStatement()) {
            return s.executeLargeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Trino failed: " + Scratch.firstLine(e), e);
        }
    }
}
