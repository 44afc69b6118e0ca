package io.crowdlens.export;

import io.crowdlens.common.Figure;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The CSV format (docs/exports.md): metadata lines, one header row, one line per row, CRLF. */
final class CsvTable implements TableSink {

    private static final String CRLF = "\r\n";

    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);
    private List<ExportColumn> columns;

    CsvTable(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    }

    @Override
    public void begin(ExportMetadata metadata, List<ExportColumn> columns) throws IOException {
        this.columns = columns;
        Map<String, String> lines = metadata.lines();
        // the first line says how many lines to skip before the header (pandas skiprows, R skip)
        writeMetadataLine("metadata_lines", String.valueOf(lines.size() + 1));
        for (Map.Entry<String, String> entry : lines.entrySet()) {
            writeMetadataLine(entry.getKey(), entry.getValue());
        }
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

    private void writeMetadataLine(String key, String value) throws IOException {
        line.setLength(0);
        line.append('#').append(key).append(',');
        appendText(value.replaceAll("[\\r\\n\\t]+", " "));
        endLine();
    }

    @Override
    public void row(Object[] values) throws IOException {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            cell(columns.get(i), values[i], i == 0);
        }
        endLine();
    }

    @Override
    public void finish() throws IOException {
        out.flush();
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
            case NUMBER, DATE -> line.append(value == null ? "" : value.toString());
            case FIGURE -> {
                if (value instanceof Figure.Shown shown) {
                    line.append(FigureCells.value(shown, column.decimals()).toPlainString()).append(',')
                            .append(FigureCells.margin(shown, column.decimals()).toPlainString()).append(",false");
                } else {
                    line.append(",,true");
                }
            }
        }
    }

    /** A text cell: neutralised against formulas, then quoted when it holds a separator, quote or line break. */
    private void appendText(String text) {
        String safe = CsvExportWriter.neutralised(text);
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            quoted(safe);
        } else {
            line.append(safe);
        }
    }

    private void quoted(String text) {
        line.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    private void endLine() throws IOException {
        line.append(CRLF);
        out.append(line);
    }
}
