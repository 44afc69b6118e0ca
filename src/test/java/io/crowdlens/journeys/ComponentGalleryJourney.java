package io.crowdlens.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The shared building blocks other views reuse, in Chromium: the chart draws suppressed buckets as
 * "fewer than k" (not 0) and escapes names; map overlays draw, escape their tooltips and report
 * clicks; the CSV download streams a file with neutralised cells.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"crowdlens.demo.enabled=false", "crowdlens.demo.data.publish=false"})
@ActiveProfiles("test")
class ComponentGalleryJourney {

    @LocalServerPort int port;

    @Test
    void chartsOverlaysAndTheCsvDownloadWorkInARealBrowser() throws Exception {
        try (BrowserSession browser = BrowserSession.open("http://localhost:" + port)) {
            browser.visit("/test/gallery");
            Locator hourly = browser.page.locator("#gallery-hourly");
            assertThat(hourly.locator("svg")).hasCount(1);
            assertThat(hourly.locator("svg")).containsText("Average devices per hour in Old Town");
            assertThat(hourly.locator("svg")).containsText("Hour of day");
            // a hidden figure is a gap with a hollow marker, named in the legend
            assertThat(hourly.locator("svg")).containsText("not shown (below the minimum crowd)");
            // the hostile series name is drawn as text in the legend
            assertThat(hourly.locator("svg")).containsText("<img src=x");

            // series 2 and 3: the hollow markers of the two bar series' hidden figures
            String suppressedTip = tooltip(browser, "gallery-hourly", 3, 3);
            assertThat(suppressedTip).contains("03").contains("not shown (below the minimum crowd)")
                    .doesNotContain(": 0");
            String hostileTip = tooltip(browser, "gallery-hourly", 1, 12);
            assertThat(hostileTip).contains("<img src=x onerror=\"window.__xss=1\">: 54 devices per hour");
            assertThat(tooltip(browser, "gallery-daily", 1, 2)).contains("not shown (below the minimum crowd)");
            assertThat(tooltip(browser, "gallery-daily", 0, 4)).contains("400 devices");

            Locator map = browser.page.locator("#gallery-map");
            // one area, two flows (+ their destination dots), one corridor, two sites
            assertThat(map.locator("path.leaflet-interactive")).hasCount(6);
            clickMarker(browser, 52.52, 13.36);
            assertThat(browser.page.locator("#gallery-clicked")).hasText("POINT mall");
            assertThat(map.locator(".leaflet-tooltip").last()).containsText("<img src=x");
            assertThat(map.locator(".leaflet-tooltip").last()).containsText("1,200 visitors");
            assertThat(browser.page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
            browser.screenshot(Path.of("target", "journeys", "component-gallery.png"));

            Download download = browser.page.waitForDownload(() -> browser.page.locator("#gallery-export").click());
            assertThat(download.suggestedFilename()).isEqualTo("crowdlens-gallery.csv");
            List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
            assertThat(lines).contains("name,devices,devices_margin95,devices_suppressed", "'=1+1,40,0,false",
                    "\"<img src=x onerror=\"\"window.__xss=1\"\">\",,,true");
            assertThat(browser.page.locator("#gallery-export-status")).containsText("Exported 2 rows");
            assertThat(browser.consoleErrors).isEmpty();
        }
    }

    /** Shows the tooltip of one data point through ECharts' own action and reads it as the user would. */
    private static String tooltip(BrowserSession browser, String chartId, int seriesIndex, int dataIndex) {
        return (String) browser.page.evaluate("""
                ([id, s, d]) => {
                  const el = document.getElementById(id);
                  const chart = el.chart;
                  const series = chart.getOption().series;
                  // data series first, in order; then the hollow markers of each series with hidden figures
                  chart.dispatchAction({ type: 'showTip', seriesIndex: s, dataIndex: d });
                  const tip = [...el.shadowRoot.querySelectorAll('div')].filter(x => x.style.display !== 'none'
                      && x.style.position === 'absolute' && x.textContent).pop();
                  return tip ? tip.textContent : '';
                }""", List.of(chartId, seriesIndex, dataIndex));
    }

    private static void clickMarker(BrowserSession browser, double lat, double lng) {
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) browser.page.evaluate("""
                ([lat, lng]) => {
                  const el = document.getElementById('gallery-map');
                  const p = el.map.latLngToContainerPoint([lat, lng]);
                  const box = el.getBoundingClientRect();
                  return [box.left + p.x, box.top + p.y];
                }""", List.of(lat, lng));
        browser.page.mouse().move(xy.get(0).doubleValue(), xy.get(1).doubleValue());
        browser.page.mouse().click(xy.get(0).doubleValue(), xy.get(1).doubleValue());
        browser.waitForVaadin();
    }
}
