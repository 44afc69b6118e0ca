package io.crowdlens.export;

import io.crowdlens.common.Figure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes one export, streaming, in the format its {@link ExportTarget} asks for (CSV unless said
 * otherwise; decision 003 for CSV, 030 for the Excel workbook and GeoJSON). Every format gets the same
 * checked rows: the figure gate and the query services call this one writer whatever the format.
 *
 * <p>CSV (docs/exports.md): UTF-8, RFC 4180 quoting, CRLF line ends, the metadata lines, one header
 * row, then one row per {@link #row} call. Nothing is kept per row: memory stays flat however many rows
 * pass through. Cells are made safe for spreadsheets: a text cell starting with {@code = + - @}, a tab
 * or a carriage return is prefixed with an apostrophe (OWASP's CSV-injection advice), and a first cell
 * starting with {@code #} is quoted so that only metadata lines start with {@code #}.
 *
 * <p>Query services use it: they check scope and k, then write rows from their cursor.
 */
public final class CsvExportWriter {

    private final TableSink sink;
    private final List<ExportColumn> columns;
    private final String fileName;
    private long rows;
    private long figuresShown;
    private long figuresSuppressed;

    private CsvExportWriter(String fileName, TableSink sink, List<ExportColumn> columns) {
        this.fileName = fileName;
        this.sink = sink;
        this.columns = List.copyOf(columns);
    }

    /**
     * Opens {@code target} under {@code fileName} (its extension replaced by the target's format's) and
     * writes what comes before the rows: the metadata and the header row.
     */
    public static CsvExportWriter start(ExportTarget target, String fileName, ExportMetadata metadata,
            List<ExportColumn> columns) throws IOException {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an export needs at least one column");
        }
        ExportFormat format = target.format();
        String name = format == ExportFormat.CSV ? fileName : format.fileName(fileName);
        var out = target.open(name);
        TableSink sink = switch (format) {
            case CSV -> new CsvTable(out);
            case XLSX -> new WorkbookTable(out);
            case GEOJSON -> new GeoJsonTable(out, target::geometryOf);
        };
        CsvExportWriter writer = new CsvExportWriter(name, sink, columns);
        sink.begin(metadata, writer.columns);
        return writer;
    }

    /**
     * Writes one data row: one value per column, in column order. TEXT: any object (its
     * {@code toString}); NUMBER: a {@link Number}; DATE: a {@link LocalDate}; FIGURE: a {@link Figure}.
     */
    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            check(columns.get(i), values[i]);
        }
        try {
            sink.row(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Figure figure) {
                if (figure.shown()) {
                    figuresShown++;
                } else {
                    figuresSuppressed++;
                }
            }
        }
        rows++;
    }

    /** Finishes the file and flushes (the target stream stays open) and says what was written. */
    public ExportSummary finish() throws IOException {
        sink.finish();
        return summary();
    }

    /** What has been written so far. */
    public ExportSummary summary() {
        return new ExportSummary(fileName, rows, figuresShown, figuresSuppressed);
    }

    private static void check(ExportColumn column, Object value) {
        switch (column.type()) {
            case TEXT -> {
            }
            case NUMBER -> {
                if (value != null && !(value instanceof Number)) {
                    throw new IllegalArgumentException("column " + column.name() + " takes numbers, not " + value);
                }
            }
            case DATE -> {
                if (value != null && !(value instanceof LocalDate)) {
                    throw new IllegalArgumentException("column " + column.name() + " takes dates, not " + value);
                }
            }
            case FIGURE -> {
                if (!(value instanceof Figure)) {
                    throw new IllegalArgumentException("column " + column.name() + " takes figures, not " + value);
                }
            }
        }
    }

    /** A cell a spreadsheet would run as a formula is prefixed with an apostrophe and so read as text. */
    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
