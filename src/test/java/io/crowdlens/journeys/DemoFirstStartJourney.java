package io.crowdlens.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import io.crowdlens.demo.DemoAccount;
import io.crowdlens.demo.DemoLogins;
import io.crowdlens.release.ReleaseCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A newcomer's first start in demo mode: the synthetic drop is generated and run through the real
 * pipeline in the background, and the portal then shows the published release to each role.
 * (A small drop here; the default demo is 10,000 devices over 14 days.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crowdlens.demo.enabled=true",
        "crowdlens.demo.data.publish=true",
        "crowdlens.demo.data.devices=600",
        "crowdlens.demo.data.days=3",
        "crowdlens.demo.data.directory=target/journey-demo-drop/${random.uuid}",
        "crowdlens.pipeline.output-directory=target/journey-pipeline-runs"})
@ActiveProfiles("test")
class DemoFirstStartJourney {

    @LocalServerPort int port;
    @Autowired DemoLogins demoLogins;
    @Autowired ReleaseCatalogue releases;

    private static void chooseHour(String select, BrowserSession browser) {
        browser.page.locator(select).click();
        // both hour selects list 03:00: pick it within the one just opened
        browser.page.locator(select).getByRole(AriaRole.OPTION,
                new Locator.GetByRoleOptions().setName("03:00").setExact(true)).click();
    }

    @Test
    void firstStartPublishesTheDemoReleaseThatOperatorAndAnalystThenSee() throws Exception {
        DemoAccount operator = demoLogins.byUsername("dataops@metromobile.demo").orElseThrow();
        DemoAccount analyst = demoLogins.byUsername("analyst@northwind.demo").orElseThrow();
        try (BrowserSession browser = BrowserSession.open("http://localhost:" + port)) {
            browser.signIn(operator.username(), operator.password());
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (browser.page.locator("#releases").count() == 0) {
                assertThat(Instant.now()).as("demo release published within 3 minutes").isBefore(deadline);
                Thread.sleep(2000);
                browser.visit("/operations/releases");
            }
            assertThat(browser.page.locator("#releases")).containsText("Presence");
            assertThat(browser.page.locator("#releases")).containsText("Europe/Berlin");
            assertThat(browser.page.locator("#releases")).containsText("k = 15");
            assertThat(browser.page.locator("#release-footer")).containsText(Pattern.compile("Presence release \\d+"));
            browser.screenshot(Path.of("target", "journeys", "operator-releases.png"));

            browser.page.locator("#sign-out").click();
            browser.page.waitForURL(url -> url.contains("/login"));
            browser.signIn(analyst.username(), analyst.password());
            assertThat(browser.page.locator("#licences")).containsText("Release 1");
            assertThat(browser.page.getByText("No data published yet")).hasCount(0);

            browser.visit("/presence");
            var map = browser.page.locator("#presence-map");
            assertThat(map.locator("path.leaflet-interactive")).hasCount(24);
            assertThat(map.locator(".legend")).containsText("Average devices per hour");
            assertThat(browser.page.locator("#map-description")).containsText("08:00-08:59");
            browser.screenshot(Path.of("target", "journeys", "presence-map-0800.png"));

            // hover shows the district's figure as text
            map.locator("path.leaflet-interactive").first().hover();
            assertThat(map.locator(".leaflet-tooltip").last()).containsText("devices per hour (average)");

            chooseHour("#first-hour", browser);
            // the map answers the first choice before the second select is opened
            assertThat(browser.page.locator("#map-description")).containsText("03:00-08:59");
            chooseHour("#last-hour", browser);
            assertThat(browser.page.locator("#map-description")).containsText("03:00-03:59");
            browser.screenshot(Path.of("target", "journeys", "presence-map-0300.png"));
            assertThat(browser.consoleErrors).isEmpty();
        }
    }
}
