package io.crowdlens.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.common.Figure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Excel workbook and the GeoJSON are the CSV's rows in another format: each cell is checked
 * against the CSV written from the same rows (hidden figures stay hidden, margins present, text stays
 * text, numbers are numbers).
 */
class WorkbookAndGeoJsonExportTest {

    static final ExportMetadata METADATA = new ExportMetadata(
            "Average number of distinct devices per hour in each area, weekdays", "Retail Co", "Presence", 3,
            LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 25), "Europe/Berlin", 15,
            "calibrated noise (discrete Gaussian, sigma 5)",
            OffsetDateTime.of(2026, 11, 2, 9, 30, 0, 0, ZoneOffset.UTC));

    static final List<ExportColumn> COLUMNS = List.of(ExportColumn.number("area_id"), ExportColumn.text("area"),
            ExportColumn.date("day"), ExportColumn.figure("devices", 1));

    static final List<Object[]> ROWS = List.of(
            new Object[] {7L, "Old Town", LocalDate.of(2026, 10, 19), new Figure.Shown(40.26, 8.71, false)},
            new Object[] {12L, "007", LocalDate.of(2026, 10, 19), Figure.hidden()},
            new Object[] {13L, "=HYPERLINK(\"http://x\")", LocalDate.of(2026, 10, 20), Figure.exact(17)},
            new Object[] {14L, "1.5E3", LocalDate.of(2026, 10, 20), new Figure.Shown(1234.04, 12.2, true)});

    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[13.4,52.5],[13.5,52.5],"
            + "[13.5,52.6],[13.4,52.5]]]}";

    private static byte[] write(ExportFormat format, String[] name, ExportSummary[] summary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportTarget target = ExportTarget.as(format, key -> ((Long) key) == 7L ? SQUARE : null, fileName -> {
            name[0] = fileName;
            return out;
        });
        CsvExportWriter writer = CsvExportWriter.start(target, "crowdlens-presence-release-3.csv", METADATA, COLUMNS);
        ROWS.forEach(writer::row);
        summary[0] = writer.finish();
        return out.toByteArray();
    }

    /** The CSV's data rows, split (no cell here holds a comma except the quoted formula). */
    private static List<List<String>> csvRows() throws IOException {
        String csv = new String(write(ExportFormat.CSV, new String[1], new ExportSummary[1]), StandardCharsets.UTF_8);
        List<String> lines = List.of(csv.split("\r\n"));
        int header = Integer.parseInt(lines.getFirst().split(",")[1]);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(header, lines.size())) {
            rows.add(List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)));
        }
        return rows;
    }

    @Test
    void analystOpensTheWorkbookAndFindsTheCsvTableWithItsProvenanceFirst() throws IOException {
        String[] name = new String[1];
        ExportSummary[] summary = new ExportSummary[1];
        byte[] bytes = write(ExportFormat.XLSX, name, summary);
        List<List<String>> csv = csvRows();

        assertThat(name[0]).isEqualTo("crowdlens-presence-release-3.xlsx");
        assertThat(summary[0]).isEqualTo(new ExportSummary("crowdlens-presence-release-3.xlsx", 4, 3, 1));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("About");
            assertThat(workbook.getSheetName(1)).isEqualTo("Figures");
            Map<String, String> about = new java.util.LinkedHashMap<>();
            for (Row row : workbook.getSheet("About")) {
                about.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
            }
            assertThat(about).containsEntry("contents", METADATA.contents()).containsEntry("release", "3")
                    .containsEntry("minimum_crowd_k", "15").containsEntry("privacy", METADATA.privacy())
                    .containsEntry("period", "2026-10-19 to 2026-10-25").containsKey("margin");
            assertThat(about.get("suppressed")).contains(Figure.HIDDEN_TEXT).contains("not zero");

            Sheet figures = workbook.getSheet("Figures");
            List<String> header = new ArrayList<>();
            figures.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).isEqualTo(csv.getFirst());
            assertThat(figures.getLastRowNum()).isEqualTo(csv.size() - 1);
            for (int r = 1; r < csv.size(); r++) {
                List<String> expected = csv.get(r);
                Row row = figures.getRow(r);
                // area_id: a number
                assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat((long) row.getCell(0).getNumericCellValue()).isEqualTo(Long.parseLong(expected.get(0)));
                // area: text, even when it looks like a number or a formula
                Cell area = row.getCell(1);
                assertThat(area.getCellType()).isEqualTo(CellType.STRING);
                assertThat(area.getCellStyle().getQuotePrefixed()).isTrue();
                assertThat(area.getStringCellValue()).isEqualTo(ROWS.get(r - 1)[1]);
                // day: a real date
                assertThat(DateUtil.isCellDateFormatted(row.getCell(2))).isTrue();
                assertThat(row.getCell(2).getLocalDateTimeCellValue().toLocalDate().toString())
                        .isEqualTo(expected.get(2));
                boolean suppressed = Boolean.parseBoolean(expected.get(5));
                assertThat(row.getCell(5).getBooleanCellValue()).isEqualTo(suppressed);
                if (suppressed) {
                    // hidden: the hidden text, no margin, never 0
                    assertThat(expected.get(3)).isEmpty();
                    assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo(Figure.HIDDEN_TEXT);
                    assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
                } else {
                    assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(Double.parseDouble(expected.get(3)));
                    assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(Double.parseDouble(expected.get(4)));
                }
            }
            // the example values, so the loop above cannot pass on an empty sheet
            assertThat(figures.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(40.3);
            assertThat(figures.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(8.8);
            assertThat(figures.getRow(2).getCell(1).getStringCellValue()).isEqualTo("007");
        }
    }

    @Test
    void gisUserGetsEachAreaAsAFeatureWithTheCsvFiguresAsProperties() throws IOException {
        String[] name = new String[1];
        ExportSummary[] summary = new ExportSummary[1];
        JsonNode doc = JsonMapper.shared().readTree(write(ExportFormat.GEOJSON, name, summary));
        List<List<String>> csv = csvRows();

        assertThat(name[0]).isEqualTo("crowdlens-presence-release-3.geojson");
        assertThat(summary[0].figuresSuppressed()).isEqualTo(1);
        assertThat(doc.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(doc.get("metadata").get("release").asString()).isEqualTo("3");
        assertThat(doc.get("metadata").get("minimum_crowd_k").asString()).isEqualTo("15");
        assertThat(doc.get("metadata").get("contents").asString()).isEqualTo(METADATA.contents());
        JsonNode features = doc.get("features");
        assertThat(features.size()).isEqualTo(csv.size() - 1);
        for (int r = 1; r < csv.size(); r++) {
            List<String> expected = csv.get(r);
            JsonNode feature = features.get(r - 1);
            JsonNode p = feature.get("properties");
            assertThat(feature.get("id").asLong()).isEqualTo(Long.parseLong(expected.get(0)));
            assertThat(p.get("area").isString()).isTrue();
            assertThat(p.get("area").asString()).isEqualTo(ROWS.get(r - 1)[1]);
            assertThat(p.get("day").asString()).isEqualTo(expected.get(2));
            boolean suppressed = Boolean.parseBoolean(expected.get(5));
            assertThat(p.get("devices_suppressed").asBoolean()).isEqualTo(suppressed);
            if (suppressed) {
                assertThat(p.get("devices").isNull()).isTrue();
                assertThat(p.get("devices_margin95").isNull()).isTrue();
                assertThat(p.get("devices_text").asString()).isEqualTo(Figure.HIDDEN_TEXT);
            } else {
                assertThat(p.get("devices").isNumber()).isTrue();
                assertThat(p.get("devices").asDouble()).isEqualTo(Double.parseDouble(expected.get(3)));
                assertThat(p.get("devices_margin95").asDouble()).isEqualTo(Double.parseDouble(expected.get(4)));
            }
        }
        assertThat(features.get(0).get("geometry").get("type").asString()).isEqualTo("Polygon");
        assertThat(features.get(1).get("geometry").isNull()).isTrue();
    }
}
