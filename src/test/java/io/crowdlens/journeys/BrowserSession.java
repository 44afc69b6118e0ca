package io.crowdlens.journeys;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright. Without Chromium the journeys are skipped with a loud
 * message on a developer's machine, and fail on CI (CI=true), which always installs it.
 */
final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CROWDLENS_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;
    private final BrowserContext context;
    final Page page;
    final List<String> consoleErrors = new ArrayList<>();

    private BrowserSession(String baseUrl) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setViewportSize(1280, 800)
                .setAcceptDownloads(true));
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400 && r.status() != 403) {
                consoleErrors.add(r.status() + " " + r.url());
            }
        });
    }

    static BrowserSession open(String baseUrl) {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "\n\n*** CHROMIUM NOT FOUND at " + CHROMIUM + ": REAL-BROWSER JOURNEYS ARE SKIPPED. ***\n"
                    + "*** Install it with: apt-get install -y chromium (or set CROWDLENS_CHROMIUM). ***\n";
            System.err.println(message);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "CI must run the browser journeys.");
            }
            Assumptions.abort(message);
        }
        return new BrowserSession(baseUrl);
    }

    void signIn(String username, String password) {
        page.navigate("/login");
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill(password);
        page.locator("vaadin-button[slot='submit']").click();
        page.waitForURL(url -> !url.contains("/login"));
        waitForVaadin();
    }

    /**
     * Signs in with a password and, when the second-factor page follows, the current code of the
     * authenticator holding {@code totpSecret}.
     */
    void signInWithCode(String username, String password, String totpSecret) {
        page.navigate("/login");
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill(password);
        page.locator("vaadin-button[slot='submit']").click();
        page.waitForURL(url -> !url.endsWith("/login"));
        if (page.url().contains("/login/second-factor")) {
            waitForVaadin();
            page.locator("#code input").fill(io.crowdlens.security.Totp.codeAt(totpSecret, java.time.Instant.now()));
            page.locator("#verify").click();
            page.waitForURL(url -> !url.contains("/login"));
        }
        waitForVaadin();
    }

    void visit(String path) {
        page.navigate(path);
        waitForVaadin();
    }

    /** Waits until Flow has no pending server round trip. */
    void waitForVaadin() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    void screenshot(Path file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
    }

    @Override
    public void close() {
        context.close();
        browser.close();
        playwright.close();
    }
}
