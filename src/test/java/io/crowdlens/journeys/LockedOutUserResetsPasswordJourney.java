package io.crowdlens.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.security.Role;
import io.crowdlens.testing.Fixtures;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * A locked-out partner analyst, in a real Chromium (decision 032): a wrong password reads the
 * generic message; the right one is told the account is locked and whom to ask; "Forgot password?"
 * mails a single-use link (the mail server is faked at the boundary: a {@link JavaMailSender} that
 * keeps what it is given); the link sets a new password, which unlocks the account; she signs in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(LockedOutUserResetsPasswordJourney.MailSink.class)
class LockedOutUserResetsPasswordJourney {

    static final Path SHOTS = Path.of("target", "journeys");
    static final String OLD_PASSWORD = "quiet meadow lantern";
    static final String NEW_PASSWORD = "copper kettle sunrise";
    static final String USER = "lena@locked-out.test";
    static final List<SimpleMailMessage> MAILBOX = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class MailSink {
        @Bean
        JavaMailSender javaMailSender() {
            return new JavaMailSender() {
                @Override
                public void send(SimpleMailMessage... messages) {
                    MAILBOX.addAll(List.of(messages));
                }

                @Override
                public MimeMessage createMimeMessage() {
                    throw new UnsupportedOperationException("plain-text mail only");
                }

                @Override
                public MimeMessage createMimeMessage(java.io.InputStream contentStream) {
                    throw new UnsupportedOperationException("plain-text mail only");
                }

                @Override
                public void send(MimeMessage... mimeMessages) {
                    throw new UnsupportedOperationException("plain-text mail only");
                }
            };
        }
    }

    @LocalServerPort int port;
    @Autowired DSLContext db;
    @Autowired PasswordEncoder encoder;

    @BeforeEach
    void aLockedAccount() {
        if (!db.fetchExists(ORGANISATION, ORGANISATION.NAME.eq("Locked Out Ltd"))) {
            Fixtures fixtures = new Fixtures(db);
            fixtures.user(fixtures.organisation("Locked Out Ltd"), USER, encoder.encode(OLD_PASSWORD),
                    Role.PARTNER_ANALYST);
        }
        db.update(APP_USER).set(APP_USER.LOCKED, true).set(APP_USER.FAILED_LOGINS, 10)
                .where(APP_USER.USERNAME.eq(USER)).execute();
    }

    @Test
    void lockedOutAnalystReadsWhyAndResetsHerPasswordThroughTheMailedLink() throws Exception {
        try (BrowserSession browser = BrowserSession.open("http://localhost:" + port)) {
            var page = browser.page;
            submit(browser, USER, "a wrong guess");
            page.waitForURL(url -> url.contains("/login?error"));
            browser.waitForVaadin();
            assertThat(page.getByText("Check your email and password and try again")).isVisible();
            assertThat(page.getByText("account is locked")).hasCount(0);

            submit(browser, USER, OLD_PASSWORD);
            page.waitForURL(url -> url.contains("/login?locked"));
            browser.waitForVaadin();
            assertThat(page.getByText("this account is locked after too many failed sign-ins")).isVisible();
            assertThat(page.getByText("partner admin")).isVisible();
            browser.screenshot(SHOTS.resolve("locked-account-message.png"));

            page.locator("vaadin-button[slot='forgot-password']").click();
            page.waitForURL(url -> url.contains("/forgot-password"));
            browser.waitForVaadin();
            page.locator("#reset-email input").fill(USER);
            page.locator("#reset-send").click();
            assertThat(page.locator("#reset-answer")).containsText("If an account exists for that address");
            browser.screenshot(SHOTS.resolve("forgot-password-answer.png"));

            long deadline = System.currentTimeMillis() + 10_000;
            while (MAILBOX.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(MAILBOX).hasSize(1);
            SimpleMailMessage mail = MAILBOX.getFirst();
            assertThat(mail.getTo()).containsExactly(USER);
            Matcher link = Pattern.compile("(/welcome/[A-Za-z0-9_-]+)").matcher(mail.getText());
            assertThat(link.find()).isTrue();

            browser.visit(link.group(1));
            assertThat(page.locator("#welcome")).containsText("Set a new password");
            page.locator("#password input").fill(NEW_PASSWORD);
            page.locator("#repeat-password input").fill(NEW_PASSWORD);
            page.locator("#set-password").click();
            assertThat(page.locator("#go-sign-in")).isVisible();

            browser.signIn(USER, NEW_PASSWORD);
            assertThat(page.url()).doesNotContain("/login");
            assertThat(db.select(APP_USER.LOCKED, APP_USER.FAILED_LOGINS).from(APP_USER)
                    .where(APP_USER.USERNAME.eq(USER)).fetchSingle().intoArray())
                    .as("the reset unlocked the account and cleared its failures").containsExactly(false, 0);

            browser.visit(link.group(1));
            assertThat(page.locator("#welcome")).containsText("This link no longer works");
            assertThat(browser.consoleErrors).isEmpty();
        }
    }

    private static void submit(BrowserSession browser, String username, String password) {
        browser.page.navigate("/login");
        browser.page.locator("input[name='username']").fill(username);
        browser.page.locator("input[name='password']").fill(password);
        browser.page.locator("vaadin-button[slot='submit']").click();
    }
}
