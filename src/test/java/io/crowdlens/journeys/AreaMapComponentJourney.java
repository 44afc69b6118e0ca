package io.crowdlens.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.KeyboardModifier;
import io.crowdlens.demo.DemoAccount;
import io.crowdlens.demo.DemoLogins;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The map component in a real browser: areas, legend, hatched suppressed area, escaped names, clicks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "crowdlens.demo.enabled=true")
@ActiveProfiles("test")
class AreaMapComponentJourney {

    @LocalServerPort int port;
    @Autowired DemoLogins demoLogins;

    @Test
    void mapDrawsAreasWithLegendHatchesSuppressedAreasAndReportsClicks() {
        DemoAccount analyst = demoLogins.byUsername("analyst@northwind.demo").orElseThrow();
        try (BrowserSession browser = BrowserSession.open("http://localhost:" + port)) {
            browser.signIn(analyst.username(), analyst.password());
            browser.visit("/test/map-harness");

            var map = browser.page.locator("crowdlens-area-map");
            assertThat(map.locator("path.leaflet-interactive")).hasCount(MapHarnessView.SIDE * MapHarnessView.SIDE);
            assertThat(map.locator(".legend")).containsText("Average devices per hour");
            assertThat(map.locator(".legend")).containsText("fewer than 15");
            assertThat(map.locator("path[fill='url(#crowdlens-hatch)']")).hasCount(1);

            map.locator("path.leaflet-interactive").first().hover();
            assertThat(map.locator(".leaflet-tooltip")).containsText("<img src=x onerror=alert(1)> Old Town");
            assertThat(map.locator(".leaflet-tooltip img")).hasCount(0);

            map.locator("path.leaflet-interactive").nth(5).click();
            assertThat(browser.page.locator("#clicked")).hasText("a11");
            map.locator("path.leaflet-interactive").nth(6).click(
                    new com.microsoft.playwright.Locator.ClickOptions().setModifiers(List.of(KeyboardModifier.SHIFT)));
            assertThat(browser.page.locator("#clicked")).hasText("a12 +shift");

            browser.screenshot(Path.of("target", "journeys", "area-map-component.png"));
            assertThat(browser.consoleErrors).isEmpty();
        }
    }
}
