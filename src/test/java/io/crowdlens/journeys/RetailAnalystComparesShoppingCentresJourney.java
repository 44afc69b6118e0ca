package io.crowdlens.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.SITE;
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
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A retail analyst compares two shopping centres of the demo city in Chromium: the second one searched
 * in the list, then taken out and put back by clicking its marker on the map; the charts and the
 * comparison table show both, and the hourly visitors CSV downloads, parses and matches the table.
 * (A smaller demo drop than the default: 4,000 devices over one week, Monday to Sunday.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crowdlens.demo.enabled=true",
        "crowdlens.demo.data.publish=true",
        "crowdlens.demo.data.devices=4000",
        "crowdlens.demo.data.days=7",
        "crowdlens.demo.data.directory=target/journey-demo-drop/${random.uuid}",
        "crowdlens.pipeline.output-directory=target/journey-pipeline-runs"})
@ActiveProfiles("test")
class RetailAnalystComparesShoppingCentresJourney {

    static final String GALERIE = "Galerie am Markt";
    static final String WESTEND = "Westend Arkaden";

    @LocalServerPort int port;
    @Autowired DemoLogins demoLogins;
    @Autowired DSLContext db;

    @Test
    void retailAnalystComparesTwoShoppingCentresAndExportsTheHourlyVisitors() throws Exception {
        awaitVisitorsRelease();
        DemoAccount analyst = demoLogins.byUsername("analyst@northwind.demo").orElseThrow();
        try (BrowserSession browser = BrowserSession.open("http://localhost:" + port)) {
            browser.page.setViewportSize(1400, 1000);
            browser.signIn(analyst.username(), analyst.password());
            browser.visit("/visitors");
            browser.screenshot(Path.of("target", "journeys", "visitors-opened.png"));
            assertThat(chip(browser, GALERIE)).hasCount(1);
            chooseFromTheList(browser, WESTEND);
            assertThat(chip(browser, WESTEND)).hasCount(1);
            // a click on a site's marker takes it out of the comparison, a second click puts it back
            clickSiteOnTheMap(browser, WESTEND);
            assertThat(chip(browser, WESTEND)).hasCount(0);
            clickSiteOnTheMap(browser, WESTEND);
            assertThat(chip(browser, WESTEND)).hasCount(1);

            Locator weekdays = browser.page.locator("#hourly-weekdays-chart svg");
            assertThat(weekdays).containsText("Average unique visitors per hour, weekdays");
            assertThat(weekdays).containsText(GALERIE);
            assertThat(weekdays).containsText(WESTEND);
            assertThat(browser.page.locator("#hourly-weekends-chart svg")).containsText("weekends");
            Locator table = browser.page.locator("#hourly-table");
            assertThat(table).containsText("Weekdays");
            assertThat(table).containsText("Change");
            assertThat(browser.page.locator("#daily-chart svg")).containsText("Unique visitors per day");
            assertThat(browser.page.locator("#hourly-description"))
                    .containsText("over the 5 weekdays and 2 weekend days");
            String galerieWeekdayNoon = cell(browser, 12, 1);
            String westendWeekdayNoon = cell(browser, 12, 2);

            browser.page.locator("#hourly-panel").scrollIntoViewIfNeeded();
            browser.screenshot(Path.of("target", "journeys", "visitors-comparison.png"));

            Download download = browser.page.waitForDownload(() -> browser.page.locator("#hourly-export").click());
            assertThat(download.suggestedFilename()).startsWith("crowdlens-visitors-hourly-visitors-").endsWith(".csv");
            List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
            int metadata = Integer.parseInt(lines.getFirst().split(",")[1]);
            assertThat(lines.subList(0, metadata)).contains("#dataset,Visitors", "#minimum_crowd_k,15",
                    "#organisation,Northwind Retail");
            assertThat(lines.get(metadata)).isEqualTo("site_id,site,period_from,period_to,hour,weekday_average_visitors,"
                    + "weekday_average_visitors_margin95,weekday_average_visitors_suppressed,weekend_average_visitors,"
                    + "weekend_average_visitors_margin95,weekend_average_visitors_suppressed");
            List<String[]> rows = lines.subList(metadata + 1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
            assertThat(rows).hasSize(48);
            List<String> sites = new ArrayList<>();
            for (String[] row : rows) {
                if (!sites.contains(row[1])) {
                    sites.add(row[1]);
                }
                for (int figure = 5; figure <= 8; figure += 3) {
                    boolean suppressed = Boolean.parseBoolean(row[figure + 2]);
                    assertThat(row[figure].isEmpty()).isEqualTo(suppressed);
                    assertThat(row[figure + 1].isEmpty()).isEqualTo(suppressed);
                    assertThat(suppressed || Double.parseDouble(row[figure]) >= 15).isTrue();
                }
            }
            assertThat(sites).containsExactly(GALERIE, WESTEND);
            assertThat(shown(rows, GALERIE, 12)).isEqualTo(galerieWeekdayNoon.split(" ")[0]);
            assertThat(shown(rows, WESTEND, 12)).isEqualTo(westendWeekdayNoon.split(" ")[0]);
            assertThat(browser.page.locator("#hourly-export-status")).containsText("Exported 48 rows");
            assertThat(browser.consoleErrors).isEmpty();
        }
    }

    /** The chip of a chosen site in the site picker. */
    private static Locator chip(BrowserSession browser, String name) {
        return browser.page.locator("#sites vaadin-multi-select-combo-box-chip")
                .filter(new Locator.FilterOptions().setHasText(name));
    }

    /** The weekday figure of a site and hour in the file, as the table writes it. */
    private static String shown(List<String[]> rows, String site, int hour) {
        String[] row = rows.stream().filter(r -> r[1].equals(site) && r[4].equals(String.valueOf(hour))).findFirst()
                .orElseThrow();
        // the value as the table shows it before its margin ("1,234" of "1,234 ± 9"), or a dash when hidden
        return row[5].isEmpty() ? "–" : String.format(java.util.Locale.ENGLISH, "%,d", Math.round(Double.parseDouble(row[5])));
    }

    /** The text of a body cell of the hourly table, as the user reads it. */
    @SuppressWarnings("unchecked")
    private static String cell(BrowserSession browser, int row, int column) {
        List<List<String>> rows = (List<List<String>>) browser.page.evaluate("""
                () => [...document.getElementById('hourly-table').shadowRoot.querySelectorAll('#items tr')]
                    .filter(r => !r.hidden).sort((a, b) => a.index - b.index)
                    .map(r => [...r.querySelectorAll('td')].map(td => td._content ? td._content.textContent.trim() : ''))
                """);
        return rows.get(row).get(column);
    }

    private void awaitVisitorsRelease() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (!db.fetchExists(DATA_RELEASE, DATA_RELEASE.DATASET.eq(Dataset.VISITS.name()))) {
            assertThat(Instant.now()).as("demo visitors release published within 4 minutes").isBefore(deadline);
            Thread.sleep(2000);
        }
    }

    private void clickSiteOnTheMap(BrowserSession browser, String name) {
        var site = db.select(SITE.LAT, SITE.LON).from(SITE).where(SITE.NAME.eq(name)).fetchSingle();
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) browser.page.evaluate("""
                ([lat, lng]) => {
                  const el = document.getElementById('visitors-map');
                  const p = el.map.latLngToContainerPoint([lat, lng]);
                  const box = el.getBoundingClientRect();
                  return [box.left + p.x, box.top + p.y];
                }""", List.of(site.value1(), site.value2()));
        browser.page.mouse().move(xy.get(0).doubleValue(), xy.get(1).doubleValue());
        browser.page.mouse().click(xy.get(0).doubleValue(), xy.get(1).doubleValue());
        browser.waitForVaadin();
    }

    private static void chooseFromTheList(BrowserSession browser, String name) {
        browser.page.locator("#sites input").fill(name.substring(0, 5));
        browser.page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(name)).click();
        browser.page.keyboard().press("Escape"); // close the list so the map is clickable
        browser.waitForVaadin();
    }
}
