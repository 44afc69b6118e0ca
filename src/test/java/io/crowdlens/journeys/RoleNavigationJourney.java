package io.crowdlens.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.crowdlens.demo.DemoAccount;
import io.crowdlens.demo.DemoLogins;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Whole journeys in a real Chromium against the running portal in demo mode: the same seeded
 * accounts and freshly generated passwords a newcomer gets from the console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "crowdlens.demo.enabled=true")
@ActiveProfiles("test")
class RoleNavigationJourney {

    static final Path SHOTS = Path.of("target", "journeys");

    @LocalServerPort int port;
    @Autowired DemoLogins demoLogins;

    @Test
    void partnerAnalystSeesOnlyPartnerNavigationAndCannotOpenAnAccountManagerPage() {
        DemoAccount analyst = demoLogins.byUsername("analyst@northwind.demo").orElseThrow();
        try (BrowserSession browser = BrowserSession.open("http://localhost:" + port)) {
            browser.signIn(analyst.username(), analyst.password());

            assertThat(browser.page.url()).endsWith("/overview");
            assertThat(browser.page.locator("#main-nav vaadin-side-nav-item")).hasText(
                    new java.util.regex.Pattern[] {java.util.regex.Pattern.compile("\\s*Overview\\s*"),
                            java.util.regex.Pattern.compile("\\s*Presence map\\s*"),
                            java.util.regex.Pattern.compile("\\s*Visitors\\s*"),
                            java.util.regex.Pattern.compile("\\s*Commuters\\s*"),
                            java.util.regex.Pattern.compile("\\s*Corridors\\s*"),
                            java.util.regex.Pattern.compile("\\s*How figures are made\\s*")});
            assertThat(browser.page.getByText("No data published yet").first()).isVisible();
            assertThat(browser.page.locator("#signed-in-user")).hasText("Nora Analyst · Northwind Retail");
            browser.screenshot(SHOTS.resolve("analyst-overview.png"));

            browser.visit("/admin/organisations");

            assertThat(browser.page.locator("#access-denied")).containsText("You do not have access to this page");
            assertThat(browser.page.locator("#organisations")).hasCount(0);
            browser.screenshot(SHOTS.resolve("analyst-denied.png"));

            browser.page.locator("#sign-out").click();
            browser.page.waitForURL(url -> url.contains("/login"));
            browser.visit("/overview");
            assertThat(browser.page.url()).contains("/login");

            assertThat(browser.consoleErrors).as("no script or Content-Security-Policy errors").isEmpty();
        }
    }

    @Test
    void accountManagerSeesEveryOrganisationAndSearchesThem() {
        DemoAccount manager = demoLogins.byUsername("accounts@metromobile.demo").orElseThrow();
        try (BrowserSession browser = BrowserSession.open("http://localhost:" + port)) {
            browser.signInWithCode(manager.username(), manager.password(), manager.totpSecret());

            assertThat(browser.page.url()).endsWith("/admin/organisations");
            assertThat(browser.page.locator("#main-nav vaadin-side-nav-item")).hasCount(5);
            assertThat(browser.page.locator("#main-nav vaadin-side-nav-item").first()).containsText("Organisations");
            assertThat(browser.page.locator("#organisations")).containsText("Northwind Retail");

            browser.page.locator("#organisation-search input").fill("lakeside");
            // the grid keeps recycled rows in the DOM, hidden: what matters is what the user can see
            assertThat(browser.page.getByText("Northwind Retail", new Page.GetByTextOptions().setExact(true))).isHidden();
            assertThat(browser.page.getByText("Lakeside City Planning", new Page.GetByTextOptions().setExact(true)))
                    .isVisible();
            browser.screenshot(SHOTS.resolve("account-manager-organisations.png"));

            assertThat(browser.consoleErrors).as("no script or Content-Security-Policy errors").isEmpty();
        }
    }

    @Test
    void wrongPasswordShowsOneNeutralMessage() {
        try (BrowserSession browser = BrowserSession.open("http://localhost:" + port)) {
            browser.visit("/login");
            browser.page.locator("input[name='username']").fill("analyst@northwind.demo");
            browser.page.locator("input[name='password']").fill("definitely-not-it");
            browser.page.locator("vaadin-button[slot='submit']").click();
            browser.page.waitForURL(url -> url.contains("error"));

            assertThat(browser.page.getByText("Check your email and password and try again.")).isVisible();
        }
    }
}
