package io.crowdlens.export;

import io.crowdlens.common.Figure;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Streams one CSV export (format: docs/exports.md): UTF-8, RFC 4180 quoting, CRLF line ends, the
 * metadata lines, one header row, then one row per {@link #row} call. Nothing is kept per row: memory
 * stays flat however many rows pass through. Cells are made safe for spreadsheets: a text cell
 * starting with {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe (OWASP's
 * CSV-injection advice), and a first cell starting with {@code #} is quoted so that only metadata
 * lines start with {@code #}.
 *
 * <p>Query services use it: they check scope and k, then write rows from their cursor.
 */
public final class CsvExportWriter {

    private static final String CRLF = "\r\n";

    private final Writer out;
    private final List<ExportColumn> columns;
    private final StringBuilder line = new StringBuilder(256);
    private final String fileName;
    private long rows;
    private long figuresShown;
    private long figuresSuppressed;

    private CsvExportWriter(String fileName, OutputStream out, List<ExportColumn> columns) {
        this.fileName = fileName;
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.columns = List.copyOf(columns);
    }

    /**
     * Opens {@code target} under {@code fileName} and writes the metadata lines and the header row.
     */
    public static CsvExportWriter start(ExportTarget target, String fileName, ExportMetadata metadata,
            List<ExportColumn> columns) throws IOException {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an export needs at least one column");
        }
        CsvExportWriter writer = new CsvExportWriter(fileName, target.open(fileName), columns);
        writer.writeMetadata(metadata);
        writer.writeHeader();
        return writer;
    }

    private void writeMetadata(ExportMetadata metadata) throws IOException {
        Map<String, String> lines = metadata.lines();
        // the first line says how many lines to skip before the header (pandas skiprows, R skip)
        writeMetadataLine("metadata_lines", String.valueOf(lines.size() + 1));
        for (Map.Entry<String, String> entry : lines.entrySet()) {
            writeMetadataLine(entry.getKey(), entry.getValue());
        }
    }

    private void writeMetadataLine(String key, String value) throws IOException {
        line.setLength(0);
        line.append('#').append(key).append(',');
        appendText(value.replaceAll("[\\r\\n\\t]+", " "));
        endLine();
    }

    private void writeHeader() throws IOException {
        line.setLength(0);
        for (ExportColumn column : columns) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            line.append(column.name());
            if (column.type() == ExportColumn.Type.FIGURE) {
                line.append(',').append(column.name()).append("_margin95");
                line.append(',').append(column.name()).append("_suppressed");
            }
        }
        endLine();
    }

    /**
     * Writes one data row: one value per column, in column order. TEXT: any object (its
     * {@code toString}); NUMBER: a {@link Number}; DATE: a {@link LocalDate}; FIGURE: a {@link Figure}.
     */
    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            cell(columns.get(i), values[i], i == 0);
        }
        try {
            endLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    /** Flushes what is buffered (the target stream stays open) and says what was written. */
    public ExportSummary finish() throws IOException {
        out.flush();
        return summary();
    }

    /** What has been written so far. */
    public ExportSummary summary() {
        return new ExportSummary(fileName, rows, figuresShown, figuresSuppressed);
    }

    private void cell(ExportColumn column, Object value, boolean firstCell) {
        switch (column.type()) {
            case TEXT -> {
                String text = value == null ? "" : value.toString();
                if (firstCell && text.startsWith("#")) {
                    quoted(text);
                } else {
                    appendText(text);
                }
            }
            case NUMBER -> line.append(value == null ? "" : number(column, value));
            case DATE -> {
                if (value != null && !(value instanceof LocalDate)) {
                    throw new IllegalArgumentException("column " + column.name() + " takes dates, not " + value);
                }
                line.append(value == null ? "" : value.toString());
            }
            case FIGURE -> {
                if (!(value instanceof Figure figure)) {
                    throw new IllegalArgumentException("column " + column.name() + " takes figures, not " + value);
                }
                if (figure instanceof Figure.Shown shown) {
                    line.append(decimal(shown.value(), column.decimals())).append(',')
                            .append(margin(shown.margin95(), column.decimals())).append(",false");
                    figuresShown++;
                } else {
                    line.append(",,true");
                    figuresSuppressed++;
                }
            }
        }
    }

    /** A margin is rounded up, never down: to a whole number for counts, to one decimal for averages. */
    private static String margin(double margin, int decimals) {
        if (decimals == 0) {
            return Long.toString((long) Math.ceil(margin - 1e-9));
        }
        return java.math.BigDecimal.valueOf(margin).setScale(1, java.math.RoundingMode.CEILING).toPlainString();
    }

    private static String decimal(double value, int decimals) {
        if (decimals == 0) {
            return Long.toString((long) Math.ceil(value - 0.5));
        }
        return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String number(ExportColumn column, Object value) {
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("column " + column.name() + " takes numbers, not " + value);
        }
        return number.toString();
    }

    /** A text cell: neutralised against formulas, then quoted when it holds a separator, quote or line break. */
    private void appendText(String text) {
        String safe = neutralised(text);
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            quoted(safe);
        } else {
            line.append(safe);
        }
    }

    private void quoted(String text) {
        line.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    /** A cell a spreadsheet would run as a formula is prefixed with an apostrophe and so read as text. */
    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private void endLine() throws IOException {
        line.append(CRLF);
        out.append(line);
    }
}
