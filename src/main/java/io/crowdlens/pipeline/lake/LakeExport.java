package io.crowdlens.pipeline.lake;

import io.crowdlens.pipeline.drop.Csv;
import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.drop.DropFiles;
import io.crowdlens.pipeline.engine.DropTables;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The first pass for a drop bound for a data lake (the trino engine reads typed Parquet, where a line of
 * the wrong shape cannot exist): reads the drop's CSV event files line by line, as the postgres engine
 * does, and writes the well-formed rows as Parquet (every value as the text the operator wrote, empty
 * fields as null, with the source file's name), the malformed lines with their file and number to a
 * table of their own, and optouts.csv as Parquet. The same lines are malformed as on every engine, and the
 * trino engine quarantines them from that table, so a run reports them as the other engines do. Parquet
 * is written with DuckDB, a part file every {@value #ROWS_PER_PART} rows, so memory stays bounded.
 *
 * <p>Layout under the output folder, one folder per table of {@link DropTables}: {@code events/},
 * {@code optouts/}, {@code malformed_events/}. {@link #createTables} is the DDL that registers them in a
 * Hive catalog.
 */
public final class LakeExport {

    static final int ROWS_PER_PART = 5_000_000;

    /** What the export wrote. */
    public record Summary(long events, long malformed, long optOuts) {
    }

    private LakeExport() {
    }

    /** Exports the events and optouts.csv of a drop folder (the other files stay where they are). */
    public static Summary write(Path dropDirectory, Path out) {
        if (!Files.isDirectory(dropDirectory)) {
            throw new DropException("drop directory " + dropDirectory + " does not exist");
        }
        List<Path> events = DropFiles.eventFiles(dropDirectory);
        return write(events, DropFiles.requireFile(dropDirectory.resolve("optouts.csv")), out);
    }

    private static Summary write(List<Path> eventFiles, Path optOutsFile, Path out) {
        try (DuckDBConnection duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
             Statement s = duck.createStatement()) {
            s.execute("set preserve_insertion_order = true");
            s.execute("create table events (device_id varchar, cell_id varchar, ts varchar, source_file varchar)");
            s.execute("create table malformed (source_file varchar, line_number bigint, line varchar)");
            s.execute("create table optouts (device_id varchar)");
            Path eventsFolder = Files.createDirectories(out.resolve(DropTables.EVENTS));
            long events = 0;
            long malformed = 0;
            int part = 0;
            try (DuckDBAppender rows = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events");
                 DuckDBAppender bad = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "malformed")) {
                long inPart = 0;
                for (Path file : eventFiles) {
                    if (!DropFiles.isCsv(file)) {
                        throw new DropException(file.getFileName() + " is Parquet already: register it in the lake as it is");
                    }
                    String source = file.getFileName().toString();
                    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        List<String> header = header(in, source);
                        int device = column(header, "device_id", source);
                        int cell = column(header, "cell_id", source);
                        int ts = column(header, "ts", source);
                        String line;
                        long number = 1;
                        while ((line = in.readLine()) != null) {
                            number++;
                            if (line.isEmpty()) {
                                continue;
                            }
                            List<String> fields = Csv.fields(line);
                            if (fields == null || fields.size() != header.size()) {
                                bad.beginRow().append(source).append(number).append(line).endRow();
                                malformed++;
                                continue;
                            }
                            rows.beginRow();
                            appendOrNull(rows, fields.get(device));
                            appendOrNull(rows, fields.get(cell));
                            appendOrNull(rows, fields.get(ts));
                            rows.append(source).endRow();
                            events++;
                            if (++inPart == ROWS_PER_PART) {
                                rows.flush();
                                writePart(s, eventsFolder, part++);
                                inPart = 0;
                            }
                        }
                    }
                }
                rows.flush();
                bad.flush();
                if (inPart > 0 || part == 0) {
                    writePart(s, eventsFolder, part);
                }
            }
            long optOuts = appendOptOuts(duck, optOutsFile);
            copy(s, "malformed", Files.createDirectories(out.resolve(DropTables.MALFORMED_EVENTS)).resolve("malformed.parquet"));
            copy(s, "optouts", Files.createDirectories(out.resolve(DropTables.OPTOUTS)).resolve("optouts.parquet"));
            return new Summary(events, malformed, optOuts);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the drop as Parquet to " + out + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the drop as Parquet to " + out, e);
        }
    }

    /**
     * The DDL that registers an export in a Hive catalog of Trino as the drop tables the trino engine reads.
     *
     * @param location where the export's folders are, as the catalog sees them (e.g. s3://lake/drops/2026-11-20)
     */
    public static List<String> createTables(DropTables drop, String location) {
        String base = location.replaceAll("/+$", "").replace("'", "''");
        String schema = drop.catalog() + "." + drop.schema();
        return List.of(
                "create schema if not exists " + schema,
                "create table " + schema + "." + DropTables.EVENTS
                        + " (device_id varchar, cell_id varchar, ts varchar, source_file varchar)"
                        + " with (external_location = '" + base + "/" + DropTables.EVENTS + "', format = 'PARQUET')",
                "create table " + schema + "." + DropTables.OPTOUTS + " (device_id varchar)"
                        + " with (external_location = '" + base + "/" + DropTables.OPTOUTS + "', format = 'PARQUET')",
                "create table " + schema + "." + DropTables.MALFORMED_EVENTS
                        + " (source_file varchar, line_number bigint, line varchar)"
                        + " with (external_location = '" + base + "/" + DropTables.MALFORMED_EVENTS + "', format = 'PARQUET')");
    }

    /** optouts.csv as it is (the engine trims and drops blank ids); a line that cannot be read fails, as on every engine. */
    private static long appendOptOuts(DuckDBConnection duck, Path file) throws IOException, SQLException {
        String source = file.getFileName().toString();
        long listed = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             DuckDBAppender rows = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "optouts")) {
            int deviceColumn = column(header(in, source), "device_id", source);
            String line;
            long number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = Csv.fields(line);
                if (fields == null || fields.size() <= deviceColumn) {
                    throw new DropException(source + " line " + number + " could not be read: " + line);
                }
                rows.beginRow().append(fields.get(deviceColumn)).endRow();
                listed++;
            }
        }
        return listed;
    }

    private static void writePart(Statement s, Path folder, int part) throws SQLException {
        copy(s, "events", folder.resolve(String.format(Locale.ROOT, "part-%05d.parquet", part)));
        s.execute("delete from events");
    }

    private static void copy(Statement s, String table, Path file) throws SQLException {
        s.execute("copy " + table + " to '" + file.toAbsolutePath().toString().replace("'", "''") + "' (format parquet)");
    }

    private static void appendOrNull(DuckDBAppender appender, String value) throws SQLException {
        if (value.isEmpty()) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    private static List<String> header(BufferedReader in, String source) throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new DropException(source + " line 1: the header row is missing");
        }
        List<String> fields = Csv.fields(line.strip());
        return fields == null ? List.of() : fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static int column(List<String> header, String name, String source) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new DropException(source + " line 1: header lacks the column " + name);
        }
        return index;
    }
}
