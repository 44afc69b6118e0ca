package io.crowdlens.pipeline.engine;

import static io.crowdlens.pipeline.presence.ScratchTables.OPTOUT;
import static io.crowdlens.pipeline.presence.ScratchTables.RAW_EVENT;

import io.crowdlens.pipeline.drop.CellKeys;
import io.crowdlens.pipeline.drop.Csv;
import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.drop.DropFiles;
import io.crowdlens.pipeline.drop.QuarantineFile;
import io.crowdlens.pipeline.drop.RejectReason;
import io.crowdlens.pipeline.geography.CellArea;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL: the drop is loaded into tables of a schema private to the run (COPY, streamed from the
 * files in chunks, never held in memory) and the same queries run there. The schema is dropped on close.
 * Malformed rows are recognised while loading, since COPY would otherwise reject the whole file.
 */
public final class PostgresEngine implements PipelineEngine {

    private static final int COPY_BUFFER = 1 << 20;
    /** First key of the advisory locks of run schemas ("CRL"). */
    private static final int LOCK_CLASS = 0x43524C;
    private static final String SCHEMA_PREFIX = "crowdlens_run_";

    private final Connection connection;
    private final DSLContext dsl;
    private final String schema;
    private final ProgressListener progress;
    private long malformed;

    public PostgresEngine(DataSource dataSource, ProgressListener progress) {
        this.progress = progress;
        this.schema = SCHEMA_PREFIX + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                // held by this session while the run lives; the server lets go when the session ends, also
                // when the pipeline's process is killed, so a later sweep can tell a dead run's schema
                s.execute("select pg_advisory_lock(" + LOCK_CLASS + ", hashtext('" + schema + "'))");
                s.execute("create schema " + schema);
                s.execute("set search_path to " + schema);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open a scratch schema in PostgreSQL: " + Scratch.firstLine(e), e);
        }
        dsl = DSL.using(connection, SQLDialect.POSTGRES, Scratch.settings());
    }

    @Override
    public EngineKind kind() {
        return EngineKind.POSTGRES;
    }

    @Override
    public DSLContext sql() {
        return dsl;
    }

    @Override
    public void stageCells(Collection<String> cellKeys, Collection<CellArea> cellAreas) {
        Scratch.stageCells(dsl, cellKeys, cellAreas);
        dsl.execute("analyze drop_cell");
        dsl.execute("analyze cell_area");
    }

    @Override
    public long stageOptOuts(Path file) {
        dsl.execute("create table " + OPTOUT.getName() + " (device_id varchar not null)");
        String source = file.getFileName().toString();
        long listed = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int deviceColumn = column(header(in, source), "device_id", source);
            CopyIn copy = copyIn("copy " + OPTOUT.getName() + " (device_id) from stdin with (format csv)");
            StringBuilder buffer = new StringBuilder();
            String line;
            long number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = Csv.fields(line);
                if (fields == null || fields.size() <= deviceColumn) {
                    copy.cancelCopy();
                    throw new DropException(source + " line " + number + " could not be read: " + line);
                }
                String device = fields.get(deviceColumn).strip();
                if (!device.isEmpty()) {
                    buffer.append(Csv.quote(device)).append('\n');
                    listed++;
                }
                flushIfFull(copy, buffer);
            }
            flush(copy, buffer);
            copy.endCopy();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load " + source + " into PostgreSQL: " + Scratch.firstLine(e), e);
        }
        dsl.execute("create index optout_device_ix on " + OPTOUT.getName() + " (device_id)");
        return dsl.fetchValue("select count(distinct device_id) from " + OPTOUT.getName()) instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public void stageEvents(List<Path> files, QuarantineFile quarantine) {
        for (Path file : files) {
            if (DropFiles.isParquet(file)) {
                throw new DropException(file.getFileName() + ": Parquet event files need the duckdb engine");
            }
        }
        dsl.execute("create table " + RAW_EVENT.getName()
                + " (device_id varchar, cell_id varchar, ts varchar, source_file varchar, ts_at timestamptz)");
        long totalBytes = files.stream().mapToLong(PostgresEngine::size).sum();
        long bytesDone = 0;
        long rows = 0;
        String step = "Loading events into PostgreSQL";
        progress.started(step);
        for (Path file : files) {
            String source = file.getFileName().toString();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String headerLine = in.readLine();
                if (headerLine == null) {
                    throw new DropException(source + " line 1: the header row is missing");
                }
                List<String> header = columns(headerLine);
                int device = column(header, "device_id", source);
                int cell = column(header, "cell_id", source);
                int ts = column(header, "ts", source);
                bytesDone += headerLine.length() + 1;
                CopyIn copy = copyIn("copy " + RAW_EVENT.getName()
                        + " (device_id, cell_id, ts, source_file) from stdin with (format csv)");
                StringBuilder buffer = new StringBuilder(COPY_BUFFER + 1024);
                String quotedSource = Csv.quote(source);
                String line;
                while ((line = in.readLine()) != null) {
                    bytesDone += line.length() + 1;
                    if (line.isEmpty()) {
                        continue;
                    }
                    List<String> fields = Csv.fields(line);
                    if (fields == null || fields.size() != header.size()) {
                        quarantine.reject(RejectReason.MALFORMED, source, line);
                        malformed++;
                        continue;
                    }
                    // empty fields stay empty strings here and are judged by the classification, as in DuckDB
                    buffer.append(quotedOrNull(fields.get(device))).append(',')
                            .append(quotedOrNull(cellKey(fields.get(cell)))).append(',')
                            .append(quotedOrNull(fields.get(ts))).append(',')
                            .append(quotedSource).append('\n');
                    if (++rows % 100_000 == 0) {
                        progress.progress(step, rows, totalBytes == 0 ? -1 : (double) bytesDone / totalBytes);
                    }
                    flushIfFull(copy, buffer);
                }
                flush(copy, buffer);
                copy.endCopy();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file, e);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not load " + source + " into PostgreSQL: " + Scratch.firstLine(e), e);
            }
        }
        dsl.execute("analyze " + RAW_EVENT.getName());
        progress.finished(step, rows);
    }

    @Override
    public long quarantineMalformedEvents(QuarantineFile quarantine) {
        return malformed; // written to quarantine while loading
    }

    @Override
    public void execute(String step, Query query) {
        progress.started(step);
        int rows = dsl.execute(query);
        progress.finished(step, rows);
    }

    @Override
    public void close() {
        try (Statement s = connection.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("set search_path to default");
            s.execute("select pg_advisory_unlock(" + LOCK_CLASS + ", hashtext('" + schema + "'))");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the run's scratch schema " + schema + ": " + Scratch.firstLine(e), e);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // returned to the pool or gone; the schema is already dropped
            }
        }
    }

    /**
     * Drops the run schemas of runs that are no longer alive (their advisory lock is free: the session
     * that held it is gone). They hold a drop's rows verbatim. Returns the schemas dropped.
     */
    public static List<String> sweepDeadRunSchemas(DataSource dataSource) {
        List<String> dropped = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            List<String> schemas = new java.util.ArrayList<>();
            try (var rs = s.executeQuery("select nspname from pg_namespace where nspname like '" + SCHEMA_PREFIX + "%'")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            for (String name : schemas) {
                if (!name.matches(SCHEMA_PREFIX + "[0-9a-f]+")) {
                    continue;
                }
                boolean free;
                try (var rs = s.executeQuery("select pg_try_advisory_lock(" + LOCK_CLASS + ", hashtext('" + name + "'))")) {
                    free = rs.next() && rs.getBoolean(1);
                }
                if (free) {
                    try {
                        s.execute("drop schema if exists " + name + " cascade");
                        dropped.add(name);
                        org.slf4j.LoggerFactory.getLogger(PostgresEngine.class)
                                .warn("Dropped the run schema {} of a run that is no longer alive", name);
                    } finally {
                        s.execute("select pg_advisory_unlock(" + LOCK_CLASS + ", hashtext('" + name + "'))");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not sweep run schemas of dead runs: " + Scratch.firstLine(e), e);
        }
        return dropped;
    }

    private CopyIn copyIn(String sql) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    private static void flushIfFull(CopyIn copy, StringBuilder buffer) throws SQLException {
        if (buffer.length() >= COPY_BUFFER) {
            flush(copy, buffer);
        }
    }

    private static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    /** A numeric cell key without leading zeros ({@link CellKeys}); any other value as written. */
    private static String cellKey(String value) {
        String canonical = CellKeys.canonical(value.strip());
        return canonical.equals(value.strip()) ? value : canonical;
    }

    /** In COPY's CSV format an unquoted empty field is NULL, as DuckDB reads an empty field. */
    private static String quotedOrNull(String value) {
        return value.isEmpty() ? "" : '"' + value.replace("\"", "\"\"") + '"';
    }

    private static List<String> header(BufferedReader in, String source) throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new DropException(source + " line 1: the header row is missing");
        }
        return columns(line);
    }

    private static List<String> columns(String headerLine) {
        List<String> fields = Csv.fields(headerLine.strip());
        return fields == null ? List.of() : fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static int column(List<String> header, String name, String source) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new DropException(source + " line 1: header lacks the column " + name);
        }
        return index;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
