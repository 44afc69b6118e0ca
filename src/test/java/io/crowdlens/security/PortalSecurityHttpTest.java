package io.crowdlens.security;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.db.Tables.ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.testing.ApiClient;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.HttpBrowser;
import io.crowdlens.testing.SignedIn;
import java.net.http.HttpResponse;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The security baseline over real HTTP against a running server: headers, sign-in, lockout, session
 * handling and the operations endpoints. No mocks: a browser-like client with a cookie jar.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"crowdlens.security.max-failed-sign-ins=3",
                "crowdlens.map.tile-url=https://tile.openstreetmap.org/{z}/{x}/{y}.png"})
@ActiveProfiles("test")
class PortalSecurityHttpTest {

    static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort int port;
    @Autowired DSLContext db;
    @Autowired PasswordEncoder encoder;
    @Autowired ApiTokens tokens;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    @BeforeEach
    void users() {
        if (db.fetchCount(ORGANISATION) > 0) {
            return;
        }
        Fixtures fixtures = new Fixtures(db);
        long partner = fixtures.organisation("Partner");
        long operator = fixtures.organisation("Operator");
        String hash = encoder.encode(PASSWORD);
        fixtures.user(partner, "ana@partner.test", hash, Role.PARTNER_ANALYST);
        fixtures.user(partner, "bea@partner.test", hash, Role.PARTNER_ANALYST);
        fixtures.user(partner, "cal@partner.test", hash, Role.PARTNER_ANALYST);
        fixtures.user(partner, "dee@partner.test", hash, Role.PARTNER_ANALYST);
        fixtures.user(operator, "ops@operator.test", hash, Role.DATA_OPERATOR);
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/login", "/", "/actuator/health"}) {
            HttpResponse<String> response = newBrowser().get(path);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
        HttpResponse<String> login = newBrowser().get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'", "object-src 'none'", "img-src 'self' data: blob: https://tile.openstreetmap.org");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(login.headers().firstValue("Set-Cookie")).get().asString().contains("HttpOnly", "SameSite=Lax");
    }

    @Test
    void signInWithTheRightPasswordOpensThePortalInANewSession() throws Exception {
        HttpBrowser browser = newBrowser();
        browser.get("/login");
        String sessionBefore = browser.sessionId();

        HttpResponse<String> response = browser.signIn("ana@partner.test", PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().doesNotContain("error");
        assertThat(browser.sessionId()).as("session fixation: a new id after sign-in").isNotEqualTo(sessionBefore);
        assertThat(browser.get("/overview").statusCode()).isEqualTo(200);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("ana@partner.test")
                .and(AUDIT_EVENT.ACTION.eq("SIGN_IN")).and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")))).isEqualTo(1);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountAndTheRightOneIsThenRefused() throws Exception {
        HttpBrowser browser = newBrowser();
        for (int attempt = 1; attempt <= 3; attempt++) {
            HttpResponse<String> wrong = browser.signIn("bea@partner.test", "not the password " + attempt);
            assertThat(wrong.headers().firstValue("Location")).get().asString().endsWith("/login?error");
        }

        HttpResponse<String> right = browser.signIn("bea@partner.test", PASSWORD);

        assertThat(right.headers().firstValue("Location")).get().asString()
                .as("only the right password is told of the lock (decision 032)").endsWith("/login?locked");
        assertThat(db.select(APP_USER.LOCKED).from(APP_USER).where(APP_USER.USERNAME.eq("bea@partner.test"))
                .fetchSingle().value1()).isTrue();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("bea@partner.test")
                .and(AUDIT_EVENT.ACTION.eq("SIGN_IN")).and(AUDIT_EVENT.OUTCOME.eq("FAILURE")))).isEqualTo(4);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("bea@partner.test")
                .and(AUDIT_EVENT.ACTION.eq("ACCOUNT_LOCKED")))).isEqualTo(1);
        assertThat(browser.get("/overview").headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void disablingAUserEndsTheirOpenSessionAtTheNextRequest() throws Exception {
        HttpBrowser browser = newBrowser();
        browser.signIn("cal@partner.test", PASSWORD);
        assertThat(browser.get("/overview").statusCode()).isEqualTo(200);

        db.update(APP_USER).set(APP_USER.ENABLED, false).where(APP_USER.USERNAME.eq("cal@partner.test")).execute();

        HttpResponse<String> next = browser.get("/overview");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void unknownUserNamesFailLikeWrongPasswordsAndAreAudited() throws Exception {
        HttpResponse<String> response = newBrowser().signIn("nobody\u0007@nowhere.test", PASSWORD);

        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login?error");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("nobody?@nowhere.test")
                .and(AUDIT_EVENT.OUTCOME.eq("FAILURE")))).isEqualTo(1);
    }

    @Test
    void healthIsPublicForContainerChecks() throws Exception {
        HttpResponse<String> health = newBrowser().get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("details");
    }

    @Test
    void metricsAreReadableOnlyWithADataOperatorsMetricsTokenNeverWithAPassword() throws Exception {
        SignedIn.as(accounts.loadUserByUsername("ops@operator.test"), securityContext);
        String token;
        try {
            token = tokens.create("Prometheus", Set.of(ApiTokenScope.METRICS), 30).secret();
        } finally {
            SignedIn.out(securityContext);
        }
        assertThat(newBrowser().get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(newBrowser().getWithBasic("/actuator/prometheus", "ops@operator.test", PASSWORD).statusCode())
                .as("HTTP Basic on a person's password is no longer accepted").isEqualTo(401);
        HttpResponse<String> metrics = new ApiClient(port).get("/actuator/prometheus", token);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    HttpBrowser newBrowser() {
        return new HttpBrowser(port);
    }
}
