package io.crowdlens.export;

import io.crowdlens.common.Figure;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The Excel format (decision 030): sheet "About" holds the metadata (what the figures are, release,
 * k, privacy), sheet "Figures" the table with the same columns as the CSV. Rows stream through POI's
 * SXSSF (100 rows in memory, the rest in a compressed temporary file), so memory stays flat.
 *
 * <p>Text is always a text cell with Excel's quote prefix, so a name like "007" or "=1+1" stays text
 * (also after editing); ids, hours and figures are number cells; dates are date cells; a hidden figure
 * is the hidden text, never 0 or an empty number.
 */
final class WorkbookTable implements TableSink {

    static final String ABOUT_SHEET = "About";
    static final String FIGURES_SHEET = "Figures";
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    private final CellStyle text;
    private final CellStyle bold;
    private final CellStyle wrapped;
    private final CellStyle date;
    private final CellStyle whole;
    private final CellStyle oneDecimal;
    private final CellStyle hidden;
    private List<ExportColumn> columns;
    private SXSSFSheet figures;
    private int nextRow;
    private int width;

    WorkbookTable(OutputStream out) {
        this.out = out;
        workbook.setCompressTempFiles(true);
        text = workbook.createCellStyle();
        text.setQuotePrefixed(true);
        Font boldFont = workbook.createFont();
        boldFont.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(boldFont);
        bold.setVerticalAlignment(VerticalAlignment.TOP);
        wrapped = workbook.createCellStyle();
        wrapped.setQuotePrefixed(true);
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        whole = workbook.createCellStyle();
        whole.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        oneDecimal = workbook.createCellStyle();
        oneDecimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.0"));
        Font greyItalic = workbook.createFont();
        greyItalic.setItalic(true);
        greyItalic.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        hidden = workbook.createCellStyle();
        hidden.setFont(greyItalic);
        hidden.setQuotePrefixed(true);
    }

    @Override
    public void begin(ExportMetadata metadata, List<ExportColumn> columns) {
        this.columns = columns;
        Sheet about = workbook.createSheet(ABOUT_SHEET);
        about.setColumnWidth(0, 22 * 256);
        about.setColumnWidth(1, 100 * 256);
        int r = 0;
        for (Map.Entry<String, String> line : metadata.lines().entrySet()) {
            Row row = about.createRow(r++);
            Cell key = row.createCell(0);
            key.setCellValue(line.getKey());
            key.setCellStyle(bold);
            Cell value = row.createCell(1);
            value.setCellValue(aboutValue(line.getKey(), line.getValue(), metadata));
            value.setCellStyle(wrapped);
        }
        figures = workbook.createSheet(FIGURES_SHEET);
        List<String> header = new ArrayList<>();
        for (ExportColumn column : columns) {
            header.add(column.name());
            if (column.type() == ExportColumn.Type.FIGURE) {
                header.add(column.name() + "_margin95");
                header.add(column.name() + "_suppressed");
            }
        }
        Row row = figures.createRow(nextRow++);
        for (int i = 0; i < header.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(header.get(i));
            cell.setCellStyle(bold);
            figures.setColumnWidth(i, Math.max(12, header.get(i).length() + 2) * 256);
        }
        width = header.size();
        figures.createFreezePane(0, 1);
        workbook.setActiveSheet(1);
    }

    /** In a workbook a hidden figure is written as the hidden text, so its metadata line says so. */
    private static String aboutValue(String key, String value, ExportMetadata metadata) {
        if (key.equals("suppressed")) {
            return "a figure reading \"" + Figure.HIDDEN_TEXT + "\" (with <column>_suppressed = TRUE) is not shown:"
                    + " it counts fewer than " + metadata.minimumCrowd() + " devices after noise, and it is not zero";
        }
        return value;
    }

    @Override
    public void row(Object[] values) throws IOException {
        if (nextRow >= MAX_ROWS) {
            throw new IOException("more rows than an Excel sheet holds (" + (MAX_ROWS - 1) + "): export CSV instead");
        }
        Row row = figures.createRow(nextRow++);
        int c = 0;
        for (int i = 0; i < values.length; i++) {
            ExportColumn column = columns.get(i);
            Object value = values[i];
            switch (column.type()) {
                case TEXT -> textCell(row, c++, value == null ? "" : value.toString(), text);
                case NUMBER -> {
                    Cell cell = row.createCell(c++);
                    if (value != null) {
                        cell.setCellValue(((Number) value).doubleValue());
                    }
                }
                case DATE -> {
                    Cell cell = row.createCell(c++);
                    if (value != null) {
                        cell.setCellValue((LocalDate) value);
                        cell.setCellStyle(date);
                    }
                }
                case FIGURE -> {
                    CellStyle number = column.decimals() == 0 ? whole : oneDecimal;
                    if (value instanceof Figure.Shown shown) {
                        Cell figure = row.createCell(c++);
                        figure.setCellValue(FigureCells.value(shown, column.decimals()).doubleValue());
                        figure.setCellStyle(number);
                        Cell margin = row.createCell(c++);
                        margin.setCellValue(FigureCells.margin(shown, column.decimals()).doubleValue());
                        margin.setCellStyle(number);
                        row.createCell(c++).setCellValue(false);
                    } else {
                        textCell(row, c++, Figure.HIDDEN_TEXT, hidden);
                        row.createCell(c++); // no margin: there is no figure
                        row.createCell(c++).setCellValue(true);
                    }
                }
            }
        }
    }

    private static void textCell(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    @Override
    public void finish() throws IOException {
        try {
            if (nextRow > 1) {
                figures.setAutoFilter(new CellRangeAddress(0, nextRow - 1, 0, width - 1));
            }
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
        }
    }
}
