package io.crowdlens.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import io.crowdlens.demo.DemoAccount;
import io.crowdlens.demo.DemoLogins;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A transport planner (Lakeside, k = 20) on the demo city: picks a district, sees its commuter flows
 * on the map and in the ranked table, exports the OD table and reads the file; then looks at a
 * highway corridor's hours. The demo drop is smaller than the default (8,000 devices over a week;
 * pairs do not grow with days): set crowdlens.journey.demo-devices / -days to change it.
 * Screenshots go to target/journeys/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crowdlens.demo.enabled=true",
        "crowdlens.demo.data.publish=true",
        "crowdlens.demo.data.devices=${crowdlens.journey.demo-devices:8000}",
        "crowdlens.demo.data.days=${crowdlens.journey.demo-days:7}",
        "crowdlens.demo.data.directory=target/journey-demo-drop/${random.uuid}",
        "crowdlens.pipeline.output-directory=target/journey-pipeline-runs"})
@ActiveProfiles("test")
class PlannerExploresCommutersJourney {

    private static final Pattern TOTALS = Pattern.compile(
            "Commuting out: ([\\d,]+|–)(?: ± \\d+\\*?)? · commuting in: ([\\d,]+|–)");

    @LocalServerPort int port;
    @Autowired DemoLogins demoLogins;
    @Autowired DSLContext db;

    @Test
    void plannerPicksADistrictSeesItsFlowsExportsTheOdTableAndReadsACorridor() throws Exception {
        DemoAccount planner = demoLogins.byUsername("planner@lakeside.demo").orElseThrow();
        awaitCommutingRelease();
        try (BrowserSession browser = BrowserSession.open("http://localhost:" + port)) {
            browser.signIn(planner.username(), planner.password());
            browser.visit("/commuters");

            Locator district = browser.page.locator("#district");
            district.locator("input").fill("Marktviertel");
            browser.page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Marktviertel")).click();
            browser.waitForVaadin();
            assertThat(browser.page.locator("#flows-description")).containsText("Pairs below the minimum crowd of 20 are not shown");
            Locator map = browser.page.locator("#flows-map");
            // 24 districts, then one curve per flow shown
            int drawn = map.locator("path.leaflet-interactive").count();
            assertThat(drawn).as("flows drawn on the map").isGreaterThan(24);
            assertThat(map.locator(".legend")).containsText("Commuters between districts");
            Locator rows = browser.page.locator("#flows-table vaadin-grid-cell-content");
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("Marktviertel")).first()).isVisible();
            String totalsText = browser.page.locator("#flows-totals").innerText();
            Matcher totals = TOTALS.matcher(totalsText);
            assertThat(totals.find()).as(totalsText).isTrue();
            // a dash: no pair of that direction is shown, so the sum of the pairs shown is nothing
            long outTotal = totals.group(1).equals("–") ? 0 : Long.parseLong(totals.group(1).replace(",", ""));
            long inTotal = totals.group(2).equals("–") ? 0 : Long.parseLong(totals.group(2).replace(",", ""));
            assertThat(inTotal).as("downtown draws commuters").isGreaterThan(outTotal);
            assertThat(drawn - 24).as("one curve per pair in the table").isEqualTo(flowsInTable(browser));
            assertThat(browser.page.locator("#departures-chart svg")).containsText("by the hour they usually leave home on weekdays");
            browser.screenshot(Path.of("target", "journeys", "commuters-flows-marktviertel.png"));

            Download download = browser.page.waitForDownload(() -> browser.page.locator("#export-flows").click());
            assertThat(download.suggestedFilename()).startsWith("crowdlens-commuting-flows-marktviertel-");
            List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
            int metadataLines = Integer.parseInt(lines.getFirst().split(",")[1]);
            assertThat(lines.subList(0, metadataLines)).contains("#dataset,Commuters", "#minimum_crowd_k,20");
            assertThat(lines.get(metadataLines))
                    .isEqualTo("direction,home_area_id,home_area,work_area_id,work_area,commuters,commuters_margin95,"
                            + "commuters_suppressed");
            long csvIn = 0;
            long csvOut = 0;
            List<String> data = lines.subList(metadataLines + 1, lines.size());
            assertThat(data).as("one row per other district and direction").hasSize(2 * 23);
            for (String line : data) {
                String[] cells = line.split(",", -1);
                boolean suppressed = Boolean.parseBoolean(cells[7]);
                assertThat(cells[5].isEmpty()).as("a suppressed figure is empty, never 0: %s", line).isEqualTo(suppressed);
                assertThat(cells[6].isEmpty()).as("and has no margin: %s", line).isEqualTo(suppressed);
                if (!suppressed) {
                    long commuters = Long.parseLong(cells[5]);
                    assertThat(commuters).as("every figure counts at least k").isGreaterThanOrEqualTo(20);
                    if (cells[0].equals("inbound")) {
                        csvIn += commuters;
                    } else {
                        csvOut += commuters;
                    }
                }
            }
            assertThat(csvIn).as("the file's inbound figures add up to the total on screen").isEqualTo(inTotal);
            assertThat(csvOut).isEqualTo(outTotal);
            assertThat(browser.page.locator("#export-flows-status")).containsText("Exported 46 rows");

            // two outer districts whose commuters work in Marktviertel (its table above lists them at k or more)
            for (String name : List.of("Marktviertel", "Wiesengrund", "Eichenau")) {
                browser.page.locator("#matrix-districts input").fill(name.substring(0, 5));
                browser.page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(name)).click();
                browser.page.keyboard().press("Escape");
                browser.waitForVaadin();
            }
            assertThat(browser.page.locator("#od-matrix")).containsText("Total (shown)");
            Download matrixFile = browser.page.waitForDownload(() -> browser.page.locator("#export-matrix").click());
            assertThat(matrixFile.suggestedFilename()).startsWith("crowdlens-commuting-matrix-3-districts-");
            List<String> matrixLines = Files.readAllLines(matrixFile.path(), StandardCharsets.UTF_8);
            int matrixMetadata = Integer.parseInt(matrixLines.getFirst().split(",")[1]);
            assertThat(matrixLines.get(matrixMetadata))
                    .isEqualTo("home_area_id,home_area,work_area_id,work_area,commuters,commuters_margin95,commuters_suppressed");
            List<String> pairs = matrixLines.subList(matrixMetadata + 1, matrixLines.size());
            assertThat(pairs).as("one row per ordered pair of the three districts").hasSize(6);
            long matrixSum = 0;
            for (String line : pairs) {
                String[] cells = line.split(",", -1);
                boolean suppressed = Boolean.parseBoolean(cells[6]);
                assertThat(cells[4].isEmpty()).as("a suppressed figure is empty, never 0: %s", line).isEqualTo(suppressed);
                if (!suppressed) {
                    assertThat(Long.parseLong(cells[4])).as("every figure counts at least k").isGreaterThanOrEqualTo(20);
                    matrixSum += Long.parseLong(cells[4]);
                }
            }
            assertThat(matrixSum).as("some pair is shown").isPositive();
            assertThat(browser.page.locator("#od-matrix")).containsText(String.format(java.util.Locale.ENGLISH, "%,d", matrixSum));
            assertThat(browser.page.locator("#export-matrix-status")).containsText("Exported 6 rows");
            browser.page.locator("#od-matrix").scrollIntoViewIfNeeded();
            browser.screenshot(Path.of("target", "journeys", "commuters-od-matrix.png"));

            browser.visit("/corridors");
            assertThat(browser.page.locator("#from input")).isVisible(); // the date pickers are drawn
            assertThat(browser.page.locator("#corridor-map path.leaflet-interactive").first()).isVisible();
            assertThat(browser.page.locator("#corridor-chart svg")).containsText("Average devices passing per day along");
            String peaks = browser.page.locator("#corridor-peaks").innerText();
            Matcher peak = Pattern.compile("Inbound peak: (\\d\\d):00.*Outbound peak: (\\d\\d):00").matcher(peaks);
            assertThat(peak.find()).as(peaks).isTrue();
            assertThat(Integer.parseInt(peak.group(1))).as("inbound peak in the morning").isBetween(5, 9);
            assertThat(Integer.parseInt(peak.group(2))).as("outbound peak in the evening").isBetween(15, 19);
            browser.screenshot(Path.of("target", "journeys", "corridor-hourly-weekdays.png"));
            assertThat(browser.consoleErrors).isEmpty();
        }
    }

    private static int flowsInTable(BrowserSession browser) {
        Object count = browser.page.evaluate("() => document.querySelector('#flows-table').size");
        return ((Number) count).intValue();
    }

    private void awaitCommutingRelease() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        while (!db.fetchExists(DATA_RELEASE, DATA_RELEASE.DATASET.eq("COMMUTING"))) {
            assertThat(Instant.now()).as("demo commuting release published within 6 minutes").isBefore(deadline);
            Thread.sleep(2000);
        }
    }
}
