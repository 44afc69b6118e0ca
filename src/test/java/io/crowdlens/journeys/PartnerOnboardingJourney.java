package io.crowdlens.journeys;

import io.crowdlens.presence.PresenceDayHours;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.crowdlens.common.Dataset;
import io.crowdlens.demo.DemoAccount;
import io.crowdlens.demo.DemoLogins;
import io.crowdlens.security.Totp;
import io.crowdlens.testing.Fixtures;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Onboarding a partner, in a real Chromium: the account manager (password + authenticator code)
 * creates an organisation, grants it a licence for two districts chosen on the map and in the
 * list, and invites a user; that user sets a password, enrols two-factor, signs in with both and
 * sees exactly the two licensed districts on the presence map, and nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crowdlens.demo.enabled=true", "crowdlens.demo.data.publish=false"})
@ActiveProfiles("test")
class PartnerOnboardingJourney {

    static final Path SHOTS = Path.of("target", "journeys");
    static final LocalDate MONDAY = LocalDate.of(2026, 10, 19);
    static final List<String> DISTRICTS = List.of("Alder Park", "Beacon Hill", "Harbourside", "Old Market");
    static final String PASSWORD = "lantern orchard seventy";

    @LocalServerPort int port;
    @Autowired DemoLogins demoLogins;
    @Autowired DSLContext db;

    @BeforeEach
    void fourDistrictsWithPublishedPresence() {
        if (db.fetchCount(AREA, AREA.CODE.eq("alder-park")) > 0) {
            return;
        }
        long release = new Fixtures(db).publishedRelease(Dataset.PRESENCE, MONDAY, MONDAY.plusDays(6), 15);
        for (int i = 0; i < DISTRICTS.size(); i++) {
            double lon = 13.30 + (i % 2) * 0.05;
            double lat = 52.50 + (i / 2) * 0.05;
            String square = String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],"
                    + "[%f,%f],[%f,%f]]]}", lon, lat, lon + 0.045, lat, lon + 0.045, lat + 0.045, lon, lat + 0.045, lon, lat);
            long area = db.insertInto(AREA).set(AREA.LAYER_CODE, Fixtures.DISTRICTS)
                    .set(AREA.CODE, DISTRICTS.get(i).toLowerCase(Locale.ROOT).replace(' ', '-'))
                    .set(AREA.NAME, DISTRICTS.get(i)).set(AREA.GEOMETRY, square)
                    .set(AREA.CENTROID_LAT, lat + 0.0225).set(AREA.CENTROID_LON, lon + 0.0225)
                    .returningResult(AREA.ID).fetchSingle().value1();
            for (int day = 0; day < 7; day++) {
                db.insertInto(PRESENCE_HOURLY).set(PRESENCE_HOURLY.RELEASE_ID, release)
                        .set(PRESENCE_HOURLY.LAYER_CODE, Fixtures.DISTRICTS).set(PRESENCE_HOURLY.LOCAL_DAY, MONDAY.plusDays(day))
                        .set(PRESENCE_HOURLY.HOUR_OF_DAY, (short) 8).set(PRESENCE_HOURLY.AREA_ID, area)
                        .set(PRESENCE_HOURLY.DEVICES, 40 + 10 * i).execute();
            }
        }
        PresenceDayHours.project(db, release);
    }

    @Test
    void accountManagerOnboardsAPartnerWhoseUserSeesExactlyTheLicensedAreas() throws Exception {
        DemoAccount manager = demoLogins.byUsername("accounts@metromobile.demo").orElseThrow();
        String link;
        try (BrowserSession browser = BrowserSession.open("http://localhost:" + port)) {
            var page = browser.page;
            browser.signInWithCode(manager.username(), manager.password(), manager.totpSecret());
            assertThat(page.url()).endsWith("/admin/organisations");

            page.locator("#new-organisation").click();
            page.locator("#organisation-name input").fill("Harbour Analytics");
            page.locator("#create-organisation").click();
            assertThat(page.locator("#organisation-heading")).hasText("Harbour Analytics");

            page.locator("#new-licence").click();
            assertThat(page.locator("#save-licence")).isVisible();
            page.locator("#scope vaadin-radio-button", new com.microsoft.playwright.Page.LocatorOptions()
                    .setHasText("Chosen areas")).click();
            Locator map = page.locator("#licence-map");
            assertThat(map.locator("path.leaflet-interactive")).hasCount(4);
            map.locator("path.leaflet-interactive").nth(0).click(); // Alder Park, on the map
            assertThat(page.locator("#chosen-count")).hasText("1 area chosen");
            page.locator("#area-search input").fill("harbour");
            page.locator("#area-search input").press("Tab");
            // the grid keeps recycled rows in the DOM, hidden: what matters is what the user can see
            assertThat(page.locator("#area-list").getByText("Beacon Hill", new Locator.GetByTextOptions()
                    .setExact(true))).isHidden();
            browser.waitForVaadin();
            page.locator("#area-harbourside:visible input").check(); // Harbourside, from the searchable list
            assertThat(page.locator("#chosen-count")).hasText("2 areas chosen");
            fillDate(browser, "#data-from", "10/19/2026");
            fillDate(browser, "#data-to", "10/25/2026");
            browser.screenshot(SHOTS.resolve("licence-editor.png"));
            page.locator("#save-licence").click();
            assertThat(page.locator("#organisation-licences")).containsText("2 areas of Districts");

            page.locator("#invite-user").click();
            page.locator("#invite-email input").fill("nadia@harbour-analytics.test");
            page.locator("#invite-name input").fill("Nadia Harbour");
            page.locator("#roles vaadin-checkbox", new com.microsoft.playwright.Page.LocatorOptions()
                    .setHasText("Partner analyst")).click();
            page.locator("#send-invitation").click();
            link = page.locator("#one-time-link input").inputValue();
            assertThat(link).contains("/welcome/");
            browser.screenshot(SHOTS.resolve("invitation-link.png"));
            page.locator("#close-link-dialog").click();
            page.locator("#sign-out").click();
            page.waitForURL(url -> url.contains("/login"));
            assertThat(browser.consoleErrors).isEmpty();
        }

        try (BrowserSession browser = BrowserSession.open("http://localhost:" + port)) {
            var page = browser.page;
            browser.visit(link.substring(link.indexOf("/welcome/")));
            assertThat(page.locator("#welcome")).containsText("Welcome, Nadia Harbour");
            page.locator("#password input").fill(PASSWORD);
            page.locator("#repeat-password input").fill(PASSWORD);
            page.locator("#want-two-factor").click();
            assertThat(page.locator("#totp-qr")).isVisible();
            String secret = page.locator("#totp-secret").innerText().replace(" ", "");
            page.locator("#enrolment-code input").fill(Totp.codeAt(secret, Instant.now()));
            long enrolledStep = Totp.stepAt(Instant.now());
            browser.screenshot(SHOTS.resolve("welcome-two-factor.png"));
            page.locator("#set-password").click();
            assertThat(page.locator("#recovery-codes li")).hasCount(10);

            // a code is accepted once: wait for the next one after the code used to enrol
            while (Totp.stepAt(Instant.now()) <= enrolledStep) {
                Thread.sleep(500);
            }
            browser.signInWithCode("nadia@harbour-analytics.test", PASSWORD, secret);
            assertThat(page.url()).endsWith("/overview");
            assertThat(page.locator("#licences")).containsText("2 areas of Districts");
            assertThat(page.locator("#licences vaadin-grid-cell-content", new com.microsoft.playwright.Page
                    .LocatorOptions().setHasText("Whole layer"))).hasCount(0);

            browser.visit("/presence");
            Locator areas = page.locator("#presence-map path.leaflet-interactive");
            assertThat(areas).hasCount(2);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                areas.nth(i).hover();
                names.add(page.locator("#presence-map .leaflet-tooltip").last().innerText());
            }
            assertThat(String.join(" | ", names)).contains("Alder Park").contains("Harbourside")
                    .doesNotContain("Beacon Hill").doesNotContain("Old Market");
            browser.screenshot(SHOTS.resolve("partner-sees-licensed-areas.png"));
            assertThat(browser.consoleErrors).isEmpty();
        }
    }

    private static void fillDate(BrowserSession browser, String picker, String date) {
        Locator input = browser.page.locator(picker + " input");
        input.fill(date);
        input.press("Enter");
        browser.waitForVaadin();
    }
}
