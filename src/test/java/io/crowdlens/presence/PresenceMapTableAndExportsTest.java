package io.crowdlens.presence;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.QueryParameters;
import io.crowdlens.common.Figure;
import io.crowdlens.common.ui.chart.Chart;
import io.crowdlens.common.ui.chart.ChartTable;
import io.crowdlens.common.ui.map.AreaMap;
import io.crowdlens.export.ExportFormat;
import io.crowdlens.export.ExportSummary;
import io.crowdlens.export.ExportTarget;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.OnH2;
import io.crowdlens.testing.SignedIn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17 on the presence map, browserless, on the hand-counted release: the table of areas beside
 * the map (sorted, searched, linked both ways with the map), the chart tables, and the Excel and
 * GeoJSON downloads written from the same gated rows as the CSV and audited like it.
 */
@OnH2
@TestPropertySource(properties = "crowdlens.test.isolated-context=presence-map-table")
class PresenceMapTableAndExportsTest extends SpringBrowserlessTest {

    /** Peak hour, Mon-Tue 08-09: old town 40, harbour 16, quiet below k. */
    private static final String PEAK_MON_TUE = "from=2026-10-19&to=2026-10-20&days=weekdays&hours=8-9&metric=peak";

    @Autowired org.jooq.DSLContext db;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;
    @Autowired PresenceQueryService presence;

    private static PresenceFixtures.Ids ids;

    private PresenceFixtures.Ids release() {
        if (ids == null) {
            ids = PresenceFixtures.releaseWithHandCountedFigures(db);
        }
        return ids;
    }

    private void openAsAnalyst(String query) {
        release();
        SignedIn.as(accounts.loadUserByUsername("ana@retail.test"), securityContext);
        UI.getCurrent().navigate("presence", QueryParameters.fromString(query));
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @SuppressWarnings("unchecked")
    private Grid<AreaFigure> table() {
        return find(Grid.class).id("area-table");
    }

    private static List<String> names(Grid<AreaFigure> grid) {
        return grid.getListDataView().getItems().map(AreaFigure::name).toList();
    }

    @Test
    void analystSortsTheAreasByFigureAndFindsOneByName() {
        openAsAnalyst(PEAK_MON_TUE);
        Grid<AreaFigure> grid = table();

        assertThat(names(grid)).containsExactlyInAnyOrder("old-town", "harbour", "quiet");
        // the cells as the user reads them: a hidden figure is "not shown", never 0
        Map<String, String> figures = new HashMap<>();
        var tester = test(grid);
        for (int row = 0; row < tester.size(); row++) {
            figures.put(tester.getCellText(row, 0), tester.getCellText(row, 1));
        }
        assertThat(figures).containsEntry("old-town", "40").containsEntry("harbour", "16")
                .containsEntry("quiet", "not shown");

        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("figure"), SortDirection.DESCENDING)));
        assertThat(names(grid)).containsExactly("old-town", "harbour", "quiet");
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("area"), SortDirection.ASCENDING)));
        assertThat(names(grid)).containsExactly("harbour", "old-town", "quiet");

        find(TextField.class).id("area-search").setValue("HARB");
        assertThat(names(grid)).containsExactly("harbour");
    }

    @Test
    void choosingARowHighlightsTheAreaAndClickingAnAreaChoosesItsRow() {
        openAsAnalyst(PEAK_MON_TUE);
        Grid<AreaFigure> grid = table();
        AreaMap map = find(AreaMap.class).id("presence-map");

        AreaFigure harbour = grid.getListDataView().getItems().filter(f -> f.areaId() == ids.harbour()).findFirst()
                .orElseThrow();
        grid.select(harbour);
        assertThat(map.selection()).containsExactly(String.valueOf(ids.harbour()));
        assertThat(find(H3.class).id("area-title").getText()).isEqualTo("harbour");

        // a search that hides the area clicked on the map is cleared, so its row can be chosen
        find(TextField.class).id("area-search").setValue("harb");
        ComponentUtil.fireEvent(map, new AreaMap.AreaClickEvent(map, true, String.valueOf(ids.oldTown()), false));
        assertThat(grid.asSingleSelect().getValue().areaId()).isEqualTo(ids.oldTown());
        assertThat(find(TextField.class).id("area-search").getValue()).isEmpty();
        assertThat(map.selection()).containsExactly(String.valueOf(ids.oldTown()));

        // the chart of the clicked area has its figures as a table below it; a hidden hour is the hidden text
        List<ChartTable.Row> rows = find(Chart.class).id("area-hourly").table().rows();
        assertThat(rows).hasSize(24);
        assertThat(rows.get(8)).isEqualTo(new ChartTable.Row("08", List.of("40")));
        assertThat(rows.get(3).figures()).containsExactly(Figure.HIDDEN_TEXT);
        assertThat(find(Chart.class).id("area-hourly").table().getSummaryText()).isEqualTo("Show as table");
    }

    @Test
    void excelAndGeoJsonSitBesideTheCsvAndCarryItsGatedFiguresAndAreAudited() throws Exception {
        openAsAnalyst(PEAK_MON_TUE);
        assertThat(find(Anchor.class).id("export-csv").getText()).contains("Export CSV");
        assertThat(find(Anchor.class).id("export-csv-xlsx").getText()).contains("Excel");
        assertThat(find(Anchor.class).id("export-csv-geojson").getText()).contains("GeoJSON");

        PresenceSelection selection = new PresenceSelection(io.crowdlens.testing.Fixtures.DISTRICTS,
                PresenceFixtures.MON, PresenceFixtures.TUE, DayFilter.WEEKDAYS, 8, 9, PresenceMetric.PEAK_HOUR);
        int before = db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("ana@retail.test")
                .and(AUDIT_EVENT.ACTION.eq("EXPORT")).and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")));
        ByteArrayOutputStream csvOut = new ByteArrayOutputStream();
        ByteArrayOutputStream xlsxOut = new ByteArrayOutputStream();
        ByteArrayOutputStream geoOut = new ByteArrayOutputStream();
        Map<Object, String> geometries = new HashMap<>();
        presence.areas(io.crowdlens.testing.Fixtures.DISTRICTS).forEach(a -> geometries.put(a.id(), a.geometryGeoJson()));

        ExportSummary csv = presence.exportHeatmap(selection, ExportTarget.into(csvOut));
        ExportSummary xlsx = presence.exportHeatmap(selection, ExportTarget.as(ExportFormat.XLSX, name -> xlsxOut));
        ExportSummary geo = presence.exportHeatmap(selection,
                ExportTarget.as(ExportFormat.GEOJSON, geometries::get, name -> geoOut));

        assertThat(xlsx.fileName()).isEqualTo(csv.fileName().replace(".csv", ".xlsx"));
        assertThat(geo.fileName()).isEqualTo(csv.fileName().replace(".csv", ".geojson"));
        assertThat(List.of(xlsx.rows(), xlsx.figuresShown(), xlsx.figuresSuppressed()))
                .isEqualTo(List.of(csv.rows(), csv.figuresShown(), csv.figuresSuppressed()));
        assertThat(csv.figuresSuppressed()).isPositive();

        // the CSV's rows by area id: figure, margin, suppressed
        List<String> lines = List.of(csvOut.toString(StandardCharsets.UTF_8).split("\r\n"));
        int header = Integer.parseInt(lines.getFirst().split(",")[1]);
        Map<Long, String[]> csvRows = new HashMap<>();
        lines.subList(header + 1, lines.size()).forEach(l -> {
            String[] cells = l.split(",", -1);
            csvRows.put(Long.parseLong(cells[0]), cells);
        });
        assertThat(csvRows.get(ids.quiet())[2]).isEmpty();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsxOut.toByteArray()))) {
            Sheet about = workbook.getSheetAt(0);
            assertThat(about.getRow(0).getCell(1).getStringCellValue())
                    .startsWith("Distinct devices in each area's busiest hour");
            Sheet figures = workbook.getSheet("Figures");
            assertThat(figures.getRow(0).getCell(3).getStringCellValue()).isEqualTo("peak_hour_devices_margin95");
            assertThat(figures.getLastRowNum()).isEqualTo(csvRows.size());
            for (int r = 1; r <= figures.getLastRowNum(); r++) {
                Row row = figures.getRow(r);
                String[] expected = csvRows.get((long) row.getCell(0).getNumericCellValue());
                assertThat(row.getCell(4).getBooleanCellValue()).isEqualTo(Boolean.parseBoolean(expected[4]));
                if (expected[2].isEmpty()) {
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo(Figure.HIDDEN_TEXT);
                } else {
                    assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(Double.parseDouble(expected[2]));
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(Double.parseDouble(expected[3]));
                }
            }
        }

        JsonNode features = JsonMapper.shared().readTree(geoOut.toByteArray()).get("features");
        assertThat(features.size()).isEqualTo(csvRows.size());
        for (JsonNode feature : features) {
            String[] expected = csvRows.get(feature.get("id").asLong());
            JsonNode p = feature.get("properties");
            assertThat(feature.get("geometry").get("type").asString()).isNotEmpty();
            assertThat(p.get("area").asString()).isEqualTo(expected[1]);
            assertThat(p.get("peak_hour_devices_suppressed").asBoolean()).isEqualTo(Boolean.parseBoolean(expected[4]));
            if (expected[2].isEmpty()) {
                assertThat(p.get("peak_hour_devices").isNull()).isTrue();
            } else {
                assertThat(p.get("peak_hour_devices").asDouble()).isEqualTo(Double.parseDouble(expected[2]));
            }
        }

        // each download is one EXPORT audit record with the figures it returned, as the CSV's
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("ana@retail.test")
                .and(AUDIT_EVENT.ACTION.eq("EXPORT")).and(AUDIT_EVENT.OUTCOME.eq("SUCCESS"))
                .and(AUDIT_EVENT.FIGURES_RETURNED.eq((int) csv.figuresShown())))).isEqualTo(before + 3);
    }
}
