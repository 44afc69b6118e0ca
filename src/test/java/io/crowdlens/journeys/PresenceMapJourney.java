package io.crowdlens.journeys;

import io.crowdlens.presence.PresenceDayHours;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.crowdlens.common.Dataset;
import io.crowdlens.demo.DemoAccount;
import io.crowdlens.demo.DemoLogins;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A partner analyst explores the presence map on demo data published through the real pipeline:
 * opens it from a link, changes the hour (the URL follows, the back button returns), clicks an area
 * for its side panel, and exports the CSV, which is parsed and checked. Screenshots of the map at
 * 08:00 and 03:00 go to {@code journey.screenshots} (default target/journeys); the committed
 * docs/screenshots were taken with {@code -Djourney.devices=10000 -Djourney.days=14
 * -Djourney.screenshots=docs/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crowdlens.demo.enabled=true",
        "crowdlens.demo.data.publish=true",
        "crowdlens.demo.data.devices=${journey.devices:1000}",
        "crowdlens.demo.data.days=${journey.days:3}",
        "crowdlens.demo.data.directory=target/journey-presence-drop/${random.uuid}",
        "crowdlens.pipeline.output-directory=target/journey-pipeline-runs",
        "crowdlens.test.isolated-context=presence-map-journey"})
@ActiveProfiles("test")
class PresenceMapJourney {

    /** Area names as an operator's file might carry them: a spreadsheet would run them as formulas. */
    static final String FORMULA_SHOWN = "=HYPERLINK(\"http://evil.test\",\"Open\")";
    static final String FORMULA_SUPPRESSED = "+SUM(A1:A9)";

    @LocalServerPort int port;
    @Autowired DemoLogins demoLogins;
    @Autowired DSLContext db;
    @Value("${journey.screenshots:target/journeys}") Path screenshots;

    @Test
    void analystExploresTheMapHourByHourOpensAnAreaAndExportsWhatIsOnScreen() throws Exception {
        long release = awaitPublishedRelease();
        DemoAccount analyst = demoLogins.byUsername("analyst@northwind.demo").orElseThrow();
        try (BrowserSession browser = BrowserSession.open("http://localhost:" + port)) {
            Page page = browser.page;
            browser.signIn(analyst.username(), analyst.password());

            // a deep link opens the map in that state
            browser.visit("/presence?days=weekdays&hours=8-8&metric=average");
            Locator map = page.locator("#presence-map");
            assertThat(map.locator("path.leaflet-interactive")).hasCount(24);
            assertThat(page.locator("#map-description")).containsText("08:00-08:59");
            assertThat(map.locator(".legend")).containsText("Average devices per hour");
            assertThat(map.locator(".legend")).containsText("k = 15");
            Files.createDirectories(screenshots);
            browser.screenshot(screenshots.resolve("presence-map-weekdays-0800.png"));

            // change the hour as a user does; the URL follows, and back returns to 08:00
            chooseHour(page, "#first-hour", "03:00");
            chooseHour(page, "#last-hour", "03:00");
            browser.waitForVaadin();
            assertThat(page.locator("#map-description")).containsText("03:00-03:59");
            assertThat(page).hasURL(Pattern.compile(".*hours=3-3.*"));
            browser.screenshot(screenshots.resolve("presence-map-weekdays-0300.png"));
            page.goBack();
            browser.waitForVaadin();
            assertThat(page).hasURL(Pattern.compile(".*hours=3-8.*"));
            page.goBack();
            browser.waitForVaadin();
            assertThat(page).hasURL(Pattern.compile(".*hours=8-8.*"));
            assertThat(page.locator("#map-description")).containsText("08:00-08:59");

            // an operator file with names a spreadsheet would run: one shown, one below k
            long shownArea = hostileArea(FORMULA_SHOWN, 0.0);
            hostileArea(FORMULA_SUPPRESSED, 0.02);
            publishedFigures(release, shownArea, 99);
            browser.visit("/presence?from=2026-10-19&to=2026-10-21&days=weekdays&hours=8-8&metric=average");
            assertThat(map.locator("path.leaflet-interactive")).hasCount(26);

            // click the area: its side panel shows the hourly profile and daily series
            clickArea(browser, shownArea);
            assertThat(page.locator("#area-title")).hasText(FORMULA_SHOWN);
            assertThat(page.locator("#area-hourly svg")).containsText("by hour of day");
            assertThat(page.locator("#area-daily svg")).containsText("Distinct devices per day");
            assertThat(page).hasURL(Pattern.compile(".*area=" + shownArea + ".*"));
            browser.screenshot(Path.of("target", "journeys", "presence-map-area-panel.png"));

            // the table beside the map: the clicked area's row is chosen; a search finds an area by name
            assertThat(page.locator("#area-table vaadin-grid-cell-content").filter(
                    new Locator.FilterOptions().setHasText(FORMULA_SHOWN)).first()).isVisible();
            page.locator("#area-search input").fill("HYPERLINK");
            browser.waitForVaadin();
            assertThat(page.locator("#area-table")).containsText(FORMULA_SHOWN);
            page.setViewportSize(1440, 900);
            browser.waitForVaadin();
            page.waitForTimeout(500);
            browser.screenshot(screenshots.resolve("presence-map-table-1440x900.png"));
            page.locator("#area-search input").fill("");
            browser.waitForVaadin();

            // export what is on screen and read the file as a script would
            Download download = page.waitForDownload(() -> page.locator("#export-csv").click());
            assertThat(download.suggestedFilename())
                    .startsWith("crowdlens-presence-average-hourly-district-")
                    .isEqualTo("crowdlens-presence-average-hourly-district-2026-10-19-to-2026-10-21-weekdays-08-08h"
                            + "-release-" + release + ".csv");
            List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
            checkExport(lines, release);
            assertThat(page.locator("#export-status")).containsText("Exported 26 rows");
            assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq(analyst.username())
                    .and(AUDIT_EVENT.ACTION.eq("EXPORT")).and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")))).isEqualTo(1);

            // the same table as an Excel workbook, beside the CSV button, audited as the CSV is
            Download workbook = page.waitForDownload(() -> page.locator("#export-csv-xlsx").click());
            assertThat(workbook.suggestedFilename()).endsWith("-release-" + release + ".xlsx");
            try (var xlsx = new org.apache.poi.xssf.usermodel.XSSFWorkbook(workbook.path().toFile())) {
                assertThat(xlsx.getSheetName(0)).isEqualTo("About");
                assertThat(xlsx.getSheet("Figures").getLastRowNum()).isEqualTo(26);
            }
            assertThat(page.locator("#export-status-xlsx")).containsText("Exported 26 rows");
            assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq(analyst.username())
                    .and(AUDIT_EVENT.ACTION.eq("EXPORT")).and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")))).isEqualTo(2);
            assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
            assertThat(browser.consoleErrors).isEmpty();
        }
    }

    private static void checkExport(List<String> lines, long release) {
        assertThat(lines).contains("#release," + release, "#minimum_crowd_k,15", "#organisation,Northwind Retail");
        int header = Integer.parseInt(lines.getFirst().split(",")[1]);
        assertThat(lines.get(header)).as("header row after the metadata lines").isEqualTo(
                "area_id,area,average_devices_per_hour,average_devices_per_hour_margin95,average_devices_per_hour_suppressed");
        assertThat(lines.subList(0, header)).anyMatch(l -> l.startsWith("#privacy,\"calibrated noise added once"));
        List<String> rows = lines.subList(header + 1, lines.size());
        assertThat(rows).hasSize(26);
        List<String> suppressedRows = new ArrayList<>();
        for (String row : rows) {
            List<String> cells = Csv.parse(row);
            assertThat(cells).as(row).hasSize(5);
            String name = cells.get(1);
            assertThat(name.isEmpty() || "=+-@\t\r".indexOf(name.charAt(0)) < 0).as("neutralised: " + row).isTrue();
            if (Boolean.parseBoolean(cells.get(4))) {
                assertThat(cells.get(2)).as(row).isEmpty();
                assertThat(cells.get(3)).as(row).isEmpty();
                suppressedRows.add(name);
            } else {
                assertThat(cells.get(4)).isEqualTo("false");
                assertThat(Double.parseDouble(cells.get(2))).as(row).isGreaterThanOrEqualTo(15);
                assertThat(Double.parseDouble(cells.get(3))).as("the demo release carries noise: " + row).isPositive();
            }
        }
        assertThat(suppressedRows).contains("'" + FORMULA_SUPPRESSED);
        assertThat(rows).anyMatch(r -> Csv.parse(r).get(1).equals("'" + FORMULA_SHOWN) && Double.parseDouble(Csv.parse(r).get(2)) == 33);
    }

    private long awaitPublishedRelease() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (true) {
            Long id = db.select(DATA_RELEASE.ID).from(DATA_RELEASE)
                    .where(DATA_RELEASE.DATASET.eq(Dataset.PRESENCE.name())).and(DATA_RELEASE.STATUS.eq("PUBLISHED"))
                    .fetchOptional(DATA_RELEASE.ID).orElse(null);
            if (id != null) {
                return id;
            }
            assertThat(Instant.now()).as("demo release published within 10 minutes").isBefore(deadline);
            Thread.sleep(1000);
        }
    }

    /** A small square just east of the metro, so that a click on it hits nothing else. */
    private long hostileArea(String name, double offset) {
        double east = db.select(org.jooq.impl.DSL.max(AREA.CENTROID_LON)).from(AREA)
                .where(AREA.LAYER_CODE.eq("district")).fetchSingle().value1() + 0.08 + offset;
        double lat = db.select(org.jooq.impl.DSL.avg(AREA.CENTROID_LAT)).from(AREA)
                .where(AREA.LAYER_CODE.eq("district")).fetchSingle().value1().doubleValue() + offset;
        String square = String.format(java.util.Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%1$f,%2$f],[%3$f,%2$f],[%3$f,%4$f],[%1$f,%4$f],[%1$f,%2$f]]]}",
                east, lat, east + 0.015, lat + 0.01);
        return db.insertInto(AREA).set(AREA.LAYER_CODE, "district").set(AREA.CODE, "hostile-" + offset)
                .set(AREA.NAME, name).set(AREA.GEOMETRY, square)
                .set(AREA.CENTROID_LAT, lat + 0.005).set(AREA.CENTROID_LON, east + 0.0075)
                .returningResult(AREA.ID).fetchSingle().value1();
    }

    /** 99 devices at 08:00 on Monday only: over the three weekdays 19-21 Oct the average is 33. */
    private void publishedFigures(long release, long area, int devices) {
        db.insertInto(PRESENCE_HOURLY).set(PRESENCE_HOURLY.RELEASE_ID, release)
                .set(PRESENCE_HOURLY.LAYER_CODE, "district").set(PRESENCE_HOURLY.LOCAL_DAY, LocalDate.of(2026, 10, 19))
                .set(PRESENCE_HOURLY.HOUR_OF_DAY, (short) 8).set(PRESENCE_HOURLY.AREA_ID, area)
                .set(PRESENCE_HOURLY.DEVICES, devices).execute();
        PresenceDayHours.project(db, release);
    }

    private static void chooseHour(Page page, String select, String hour) {
        page.locator(select).click();
        // both hour selects list every hour: pick it within the one just opened
        page.locator(select).getByRole(AriaRole.OPTION,
                new Locator.GetByRoleOptions().setName(hour).setExact(true)).click();
    }

    /** Clicks the middle of the area, where a person would. */
    private void clickArea(BrowserSession browser, long areaId) {
        browser.page.locator("#presence-map").scrollIntoViewIfNeeded();
        var centroid = db.select(AREA.CENTROID_LAT, AREA.CENTROID_LON).from(AREA).where(AREA.ID.eq(areaId)).fetchSingle();
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) browser.page.evaluate("""
                ([lat, lng]) => {
                  const el = document.getElementById('presence-map');
                  const p = el.map.latLngToContainerPoint([lat, lng]);
                  const box = el.getBoundingClientRect();
                  return [box.left + p.x, box.top + p.y];
                }""", List.of(centroid.value1(), centroid.value2()));
        browser.page.mouse().click(xy.get(0).doubleValue(), xy.get(1).doubleValue());
        browser.waitForVaadin();
        assertThat(browser.page.locator("#area-panel")).isVisible();
    }

    /** Just enough RFC 4180 to read one record of the export back. */
    static final class Csv {
        static List<String> parse(String line) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            return cells;
        }
    }
}
