package io.crowdlens.pipeline.engine;

import static io.crowdlens.pipeline.presence.ScratchTables.OPTOUT;

import io.crowdlens.pipeline.drop.CellKeys;
import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.drop.DropFiles;
import io.crowdlens.pipeline.drop.QuarantineFile;
import io.crowdlens.pipeline.drop.RejectReason;
import io.crowdlens.pipeline.geography.CellArea;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * DuckDB in-process. The event files are never copied: raw_event is a view over read_csv /
 * read_parquet, so the classification streams them straight from disk. The database is in memory
 * (a database file made DuckDB compress every scratch table on its way to disk, for nothing), bounded
 * by the memory limit: beyond it DuckDB spills to the run's scratch folder, which is deleted on close.
 */
public final class DuckDbEngine implements PipelineEngine {

    private static final String REJECT_ERRORS = "event_reject_errors";
    private static final String REJECT_SCANS = "event_reject_scans";

    private final Path scratch;
    private final Runnable release;
    private final Connection connection;
    private final DSLContext dsl;
    private final ProgressListener progress;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "duckdb-progress");
        t.setDaemon(true);
        return t;
    });
    private List<Path> csvEvents = List.of();
    private List<Path> parquetEvents = List.of();
    private String parquetTsInstant;

    /**
     * @param memoryLimit DuckDB's memory_limit (e.g. "2GB"): past it DuckDB spills to the scratch
     *     folder, so memory stays bounded whatever the size of the drop
     * @param threads worker threads; 0 for one per core
     */
    public DuckDbEngine(Path scratch, ProgressListener progress, String memoryLimit, int threads) {
        this(scratch, progress, memoryLimit, threads, () -> Scratch.deleteRecursively(scratch));
    }

    /**
     * @param release deletes the scratch folder once DuckDB is closed (and lets go of its lock, see
     *     io.crowdlens.pipeline.scratch.ScratchSpace)
     */
    public DuckDbEngine(Path scratch, ProgressListener progress, String memoryLimit, int threads, Runnable release) {
        this.scratch = scratch;
        this.release = release;
        this.progress = progress;
        try {
            Files.createDirectories(scratch);
            connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = connection.createStatement()) {
                s.execute("set temp_directory = " + literal(scratch.resolve("spill").toString()));
                s.execute("set memory_limit = " + literal(memoryLimit));
                if (threads > 0) {
                    s.execute("set threads = " + threads);
                }
                s.execute("set preserve_insertion_order = false");
                s.execute("set enable_progress_bar = true");
                s.execute("set enable_progress_bar_print = false");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the scratch folder " + scratch, e);
        } catch (SQLException e) {
            release.run();
            throw new IllegalStateException("Could not start DuckDB in " + scratch + ": " + Scratch.firstLine(e), e);
        }
        dsl = DSL.using(connection, SQLDialect.DUCKDB, Scratch.settings());
    }

    @Override
    public EngineKind kind() {
        return EngineKind.DUCKDB;
    }

    @Override
    public DSLContext sql() {
        return dsl;
    }

    @Override
    public void stageCells(Collection<String> cellKeys, Collection<CellArea> cellAreas) {
        Scratch.stageCells(dsl, cellKeys, cellAreas);
    }

    @Override
    public long stageOptOuts(Path file) {
        String sql = "create table " + OPTOUT.getName() + " as select distinct trim(device_id) as device_id"
                + " from read_csv(" + literal(file.toString()) + ", header = true, all_varchar = true)"
                + " where nullif(trim(device_id), '') is not null";
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
            try (ResultSet rs = s.executeQuery("select count(*) from " + OPTOUT.getName())) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DropException(file.getFileName() + " could not be read: " + Scratch.firstLine(e), e);
        }
    }

    @Override
    public void stageEvents(List<Path> files, QuarantineFile quarantine) {
        csvEvents = files.stream().filter(DropFiles::isCsv).toList();
        parquetEvents = files.stream().filter(DropFiles::isParquet).toList();
        try (Statement s = connection.createStatement()) {
            s.execute(rawEventView(true));
            // binding the view now names a missing column before any work is done
            s.execute("describe select * from raw_event");
        } catch (SQLException e) {
            throw new DropException("event files cannot be read as device_id,cell_id,ts: " + Scratch.firstLine(e), e);
        }
    }

    /**
     * @param captureRejects true for the first read: rows of the wrong shape land in the rejects tables
     *     instead of failing the scan; later reads skip the same rows without capturing them again
     */
    private String rawEventView(boolean captureRejects) {
        StringBuilder view = new StringBuilder("create or replace view raw_event as ");
        if (!csvEvents.isEmpty()) {
            // all_varchar: the classification judges every value itself, so a bad value is a reason, not a crash;
            // the dialect is fixed by the drop format, so a few odd rows cannot make the sniffer guess another
            view.append("select device_id, ").append(canonicalCellKey("cell_id")).append(" as cell_id, ts, filename as source_file,")
                    .append(" cast(null as timestamp with time zone) as ts_at from read_csv(")
                    .append(list(csvEvents))
                    .append(", header = true, delim = ',', quote = '\"', escape = '\"', all_varchar = true")
                    .append(", filename = true");
            if (captureRejects) {
                view.append(", store_rejects = true, rejects_table = '").append(REJECT_ERRORS).append("'")
                        .append(", rejects_scan = '").append(REJECT_SCANS).append("')");
            } else {
                view.append(", ignore_errors = true)");
            }
        }
        if (!parquetEvents.isEmpty()) {
            view.append(csvEvents.isEmpty() ? "" : " union all ")
                    .append("select cast(device_id as varchar) as device_id, ")
                    .append(canonicalCellKey("cast(cell_id as varchar)")).append(" as cell_id,")
                    .append(" cast(ts as varchar) as ts, filename as source_file, ")
                    .append(parquetTsInstant()).append(" as ts_at")
                    .append(" from read_parquet(").append(list(parquetEvents)).append(", filename = true)");
        }
        return view.toString();
    }

    /**
     * The cell key as {@link CellKeys#canonical} makes it: a numeric key without leading zeros. Only keys
     * that could hold a leading zero (cheap LIKE tests) go through the regular expressions.
     */
    static String canonicalCellKey(String column) {
        return "case when (" + column + " like '0%' or " + column + " like '%-0%' or " + column + " like ' %0%')"
                + " and regexp_matches(trim(" + column + "), " + literal(CellKeys.NUMERIC) + ")"
                + " then regexp_replace(trim(" + column + "), " + literal(CellKeys.LEADING_ZEROS) + ", '\\1\\2', 'g')"
                + " else " + column + " end";
    }

    /**
     * The instant of a typed Parquet {@code ts} column, so the classification need not parse its text
     * back. Integers are epoch milliseconds, in the range the text rule allows (at most 15 digits) and
     * converted as the text would be; a timestamp with time zone is its own instant. Any other type
     * (text, or a timestamp without zone, which the classification rejects) gives null: the text decides.
     */
    static String typedInstant(String columnType) {
        return switch (columnType) {
            case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT", "HUGEINT" ->
                    "case when ts between -999999999999999 and 999999999999999 then to_timestamp(ts / 1000.0) end";
            case "TIMESTAMP WITH TIME ZONE" -> "ts";
            default -> "cast(null as timestamp with time zone)";
        };
    }

    private String parquetTsInstant() {
        if (parquetTsInstant == null) {
            parquetTsInstant = typedInstant(parquetTimestampType());
        }
        return parquetTsInstant;
    }

    private String parquetTimestampType() {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select column_type from (describe select ts from read_parquet("
                     + list(parquetEvents) + "))")) {
            return rs.next() ? rs.getString(1) : "";
        } catch (SQLException e) {
            throw new DropException("event files cannot be read as device_id,cell_id,ts: " + Scratch.firstLine(e), e);
        }
    }

    @Override
    public long quarantineMalformedEvents(QuarantineFile quarantine) {
        if (csvEvents.isEmpty()) {
            return 0;
        }
        // a row can carry several errors; quarantine it once
        String sql = "select any_value(s.file_path), any_value(e.csv_line), any_value(e.error_type)"
                + " from " + REJECT_ERRORS + " e join " + REJECT_SCANS + " s using (scan_id, file_id)"
                + " group by e.scan_id, e.file_id, e.line order by 1, e.line";
        long rows = 0;
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    quarantine.reject(RejectReason.MALFORMED, Path.of(rs.getString(1)).getFileName().toString(),
                            rs.getString(2));
                    rows++;
                }
            }
            s.execute(rawEventView(false));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read DuckDB's rejected rows: " + Scratch.firstLine(e), e);
        }
        return rows;
    }

    @Override
    public void execute(String step, Query query) {
        String sql = dsl.render(query);
        List<Object> binds = dsl.extractBindValues(query);
        progress.started(step);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.size(); i++) {
                ps.setObject(i + 1, binds.get(i));
            }
            DuckDBPreparedStatement duck = ps.unwrap(DuckDBPreparedStatement.class);
            ScheduledFuture<?> polling = poller.scheduleAtFixedRate(() -> report(step, duck), 1, 1, TimeUnit.SECONDS);
            try {
                ps.execute();
            } finally {
                polling.cancel(false);
            }
            progress.finished(step, ps.getUpdateCount());
        } catch (SQLException e) {
            throw new IllegalStateException(step + " failed in DuckDB: " + Scratch.firstLine(e), e);
        }
    }

    private void report(String step, DuckDBPreparedStatement statement) {
        try {
            QueryProgress p = statement.getQueryProgress();
            progress.progress(step, p.getRowsProcessed(), p.getPercentage() < 0 ? -1 : p.getPercentage() / 100);
        } catch (SQLException | RuntimeException e) {
            // progress is best effort; the statement may just have finished
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            connection.close();
        } catch (SQLException e) {
            // the files are deleted below in any case
        } finally {
            release.run();
        }
    }

    private static String list(List<Path> files) {
        return files.stream().map(f -> literal(f.toAbsolutePath().toString())).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
