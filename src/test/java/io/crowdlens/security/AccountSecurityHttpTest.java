package io.crowdlens.security;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.db.Tables.ORGANISATION;
import static io.crowdlens.testing.HttpBrowser.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.HttpBrowser;
import io.crowdlens.testing.SignedIn;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
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
 * Account security over real HTTP against a running portal: brute force against one account and
 * from one address, the second factor, recovery codes, sign-out, sign-out everywhere, and forged
 * requests to every endpoint. The loopback address is a trusted proxy here, so each test can
 * speak from an address of its own through X-Forwarded-For.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crowdlens.security.max-failed-sign-ins=3",
        "crowdlens.security.max-failures-per-address=5",
        "crowdlens.security.trusted-proxies=127.0.0.1,::1"})
@ActiveProfiles("test")
class AccountSecurityHttpTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @LocalServerPort int port;
    @Autowired DSLContext db;
    @Autowired PasswordEncoder encoder;
    @Autowired TwoFactorStore twoFactor;
    @Autowired AccountSecurity account;
    @Autowired UserAccounts accounts;
    @Autowired AuditLog audit;
    @Autowired SecurityContextHolderStrategy securityContext;

    long retail;
    long rival;

    @BeforeEach
    void users() {
        if (db.fetchCount(ORGANISATION) > 0) {
            retail = db.select(ORGANISATION.ID).from(ORGANISATION).where(ORGANISATION.NAME.eq("Retail")).fetchSingle().value1();
            rival = db.select(ORGANISATION.ID).from(ORGANISATION).where(ORGANISATION.NAME.eq("Rival")).fetchSingle().value1();
            return;
        }
        Fixtures fixtures = new Fixtures(db);
        retail = fixtures.organisation("Retail");
        rival = fixtures.organisation("Rival");
        long operator = fixtures.organisation("Operator");
        db.update(ORGANISATION).set(ORGANISATION.KIND, "OPERATOR").where(ORGANISATION.ID.eq(operator)).execute();
        String hash = encoder.encode(PASSWORD);
        for (String name : List.of("brute", "spray1", "spray2", "spray3", "spray4", "spray5", "sprayed", "two",
                "everywhere", "suspend", "bye")) {
            fixtures.user(name.equals("suspend") ? rival : retail, name + "@retail.test", hash, Role.PARTNER_ANALYST);
        }
        fixtures.user(retail, "pat@retail.test", hash, Role.PARTNER_ADMIN);
        fixtures.user(rival, "pia@rival.test", hash, Role.PARTNER_ADMIN);
        for (String name : List.of("amy", "guess", "recovery", "legacy")) {
            long id = fixtures.user(operator, name + "@operator.test", hash, Role.ACCOUNT_MANAGER);
            twoFactor.enable(id, SECRET, 0);
        }
        audit.record("rob@rival.test", rival, AuditAction.QUERY, AuditOutcome.SUCCESS, "rival-only secret query");
        audit.record("ana@retail.test", retail, AuditAction.QUERY, AuditOutcome.SUCCESS, "retail query");
    }

    HttpBrowser from(String address) {
        return new HttpBrowser(port).claimingToBe(address);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountAndTheCorrectOneIsThenRefusedBothAudited() throws Exception {
        HttpBrowser browser = from("198.51.100.10");
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(location(browser.signIn("brute@retail.test", "wrong guess " + attempt))).endsWith("/login?error");
        }

        HttpResponse<String> right = browser.signIn("brute@retail.test", PASSWORD);

        assertThat(location(right)).as("only the right password is told of the lock").endsWith("/login?locked");
        assertThat(location(browser.get("/overview"))).endsWith("/login");
        assertThat(accounts.findByUsername("brute@retail.test").orElseThrow().isAccountNonLocked()).isFalse();
        assertThat(auditCount("brute@retail.test", "SIGN_IN", "FAILURE")).isEqualTo(4);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("brute@retail.test")
                .and(AUDIT_EVENT.DETAIL.eq("LockedException")))).as("the correct password, refused while locked")
                .isEqualTo(1);
        assertThat(auditCount("brute@retail.test", "ACCOUNT_LOCKED", "SUCCESS")).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("brute@retail.test")
                .and(AUDIT_EVENT.CLIENT_ADDRESS.eq("198.51.100.10")))).isEqualTo(5);
    }

    @Test
    void oneAddressGuessingAcrossManyAccountsIsThrottledWhileOthersSignInNormally() throws Exception {
        HttpBrowser attacker = from("203.0.113.66");
        for (int i = 1; i <= 5; i++) {
            attacker.signIn("spray" + i + "@retail.test", "Summer2026!!");
        }

        HttpResponse<String> refused = attacker.signIn("sprayed@retail.test", PASSWORD);

        assertThat(location(refused)).as("refused without checking the (right) password")
                .contains("/login?throttled=");
        assertThat(auditCount("sprayed@retail.test", "SIGN_IN", "DENIED")).isEqualTo(1);
        assertThat(accounts.findByUsername("spray1@retail.test").orElseThrow().isAccountNonLocked())
                .as("one failure each: no account is locked").isTrue();
        HttpBrowser someoneElse = from("192.0.2.44");
        assertThat(location(someoneElse.signIn("sprayed@retail.test", PASSWORD))).doesNotContain("error");
        assertThat(someoneElse.get("/overview").statusCode()).isEqualTo(200);
    }

    @Test
    void accountManagerIsSignedInOnlyAfterTheAuthenticatorCode() throws Exception {
        HttpBrowser browser = from("192.0.2.1");
        String before = browser.sessionId();
        HttpResponse<String> password = browser.signIn("amy@operator.test", PASSWORD);
        assertThat(location(password)).endsWith("/login/second-factor");
        assertThat(location(browser.get("/admin/organisations"))).as("not signed in yet").endsWith("/login");
        assertThat(location(browser.secondFactor("000000"))).endsWith("/login/second-factor?error");

        String code = Totp.codeAt(SECRET, Instant.now());
        HttpResponse<String> second = browser.secondFactor(code);

        assertThat(location(second)).doesNotContain("login");
        assertThat(browser.sessionId()).isNotEqualTo(before);
        assertThat(browser.get("/admin/organisations").statusCode()).isEqualTo(200);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("amy@operator.test").and(AUDIT_EVENT.ACTION
                .eq("SIGN_IN")).and(AUDIT_EVENT.DETAIL.eq("password + authenticator code")))).isEqualTo(1);

        HttpBrowser replay = from("192.0.2.2");
        replay.signIn("amy@operator.test", PASSWORD);
        assertThat(location(replay.secondFactor(code))).as("a used code cannot be replayed").contains("error");
    }

    @Test
    void theAuthenticatorSecretIsStoredSealedAndAPlainOneFromBeforeStillSignsIn() throws Exception {
        assertThat(db.select(APP_USER.TOTP_SECRET).from(APP_USER).where(APP_USER.USERNAME.eq("amy@operator.test"))
                .fetchSingle().value1()).startsWith("v1:").doesNotContain(SECRET);

        db.update(APP_USER).set(APP_USER.TOTP_SECRET, SECRET).setNull(APP_USER.TOTP_LAST_STEP)
                .where(APP_USER.USERNAME.eq("legacy@operator.test")).execute();
        HttpBrowser browser = from("192.0.2.30");
        browser.signIn("legacy@operator.test", PASSWORD);
        assertThat(location(browser.secondFactor(Totp.codeAt(SECRET, Instant.now())))).doesNotContain("login");
    }

    @Test
    void wrongSecondFactorCodesLockTheAccountLikeWrongPasswords() throws Exception {
        HttpBrowser browser = from("192.0.2.3");
        browser.signIn("guess@operator.test", PASSWORD);
        assertThat(location(browser.secondFactor("111111"))).contains("second-factor?error");
        assertThat(location(browser.secondFactor("222222"))).contains("second-factor?error");

        assertThat(location(browser.secondFactor("333333"))).as("the password was right: told of the lock")
                .endsWith("/login?locked");

        assertThat(accounts.findByUsername("guess@operator.test").orElseThrow().isAccountNonLocked()).isFalse();
        assertThat(auditCount("guess@operator.test", "ACCOUNT_LOCKED", "SUCCESS")).isEqualTo(1);
        assertThat(location(from("192.0.2.4").signIn("guess@operator.test", PASSWORD))).endsWith("/login?locked");
        assertThat(location(from("192.0.2.4").signIn("guess@operator.test", "a wrong guess")))
                .as("a wrong password learns nothing of the lock").endsWith("/login?error");
    }

    @Test
    void aRecoveryCodeStandsInForTheAuthenticatorOnce() throws Exception {
        long id = accounts.findByUsername("recovery@operator.test").orElseThrow().id();
        String code = twoFactor.replaceRecoveryCodes(id).getFirst();

        HttpBrowser browser = from("192.0.2.5");
        browser.signIn("recovery@operator.test", PASSWORD);
        assertThat(location(browser.secondFactor(code.toUpperCase()))).doesNotContain("login");
        assertThat(browser.get("/admin/organisations").statusCode()).isEqualTo(200);

        HttpBrowser again = from("192.0.2.6");
        again.signIn("recovery@operator.test", PASSWORD);
        assertThat(location(again.secondFactor(code))).contains("error");
    }

    @Test
    void signingOutIsAudited() throws Exception {
        HttpBrowser browser = from("192.0.2.7");
        browser.signIn("bye@retail.test", PASSWORD);

        HttpResponse<String> out = browser.postForm("/overview", "/logout", "x=1");

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(location(browser.get("/overview"))).endsWith("/login");
        assertThat(auditCount("bye@retail.test", "SIGN_OUT", "SUCCESS")).isEqualTo(1);
    }

    @Test
    void signingOutEverywhereEndsEveryOpenSessionAtItsNextRequest() throws Exception {
        HttpBrowser laptop = from("192.0.2.8");
        HttpBrowser phone = from("192.0.2.9");
        laptop.signIn("everywhere@retail.test", PASSWORD);
        phone.signIn("everywhere@retail.test", PASSWORD);
        assertThat(phone.get("/overview").statusCode()).isEqualTo(200);

        SignedIn.as(accounts.loadUserByUsername("everywhere@retail.test"), securityContext);
        try {
            account.signOutEverywhere();
        } finally {
            SignedIn.out(securityContext);
        }

        assertThat(location(laptop.get("/overview"))).endsWith("/login");
        assertThat(location(phone.get("/overview"))).endsWith("/login");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("everywhere@retail.test")
                .and(AUDIT_EVENT.ACTION.eq("SIGN_OUT"))
                .and(AUDIT_EVENT.DETAIL.eq("session ended: signed out everywhere or password changed")))).isEqualTo(2);
    }

    @Test
    void suspendingAnOrganisationEndsItsOpenSessionsAtTheNextRequest() throws Exception {
        HttpBrowser browser = from("192.0.2.10");
        browser.signIn("suspend@retail.test", PASSWORD);
        assertThat(browser.get("/overview").statusCode()).isEqualTo(200);
        long org = db.select(APP_USER.ORGANISATION_ID).from(APP_USER).where(APP_USER.USERNAME.eq("suspend@retail.test"))
                .fetchSingle().value1();
        db.update(ORGANISATION).set(ORGANISATION.STATUS, "SUSPENDED").where(ORGANISATION.ID.eq(org)).execute();
        try {
            assertThat(location(browser.get("/overview"))).endsWith("/login");
        } finally {
            db.update(ORGANISATION).set(ORGANISATION.STATUS, "ACTIVE").where(ORGANISATION.ID.eq(org)).execute();
        }
    }

    @Test
    void forgedRequestsToTheAuditExportGetOnlyTheCallersOwnOrganisation() throws Exception {
        HttpBrowser anonymous = from("192.0.2.20");
        assertThat(anonymous.get("/audit/export.csv").statusCode()).isIn(302, 401, 403);

        HttpBrowser analyst = from("192.0.2.21");
        analyst.signIn("two@retail.test", PASSWORD);
        assertThat(analyst.get("/audit/export.csv").statusCode()).isEqualTo(403);

        HttpBrowser retailAdmin = from("192.0.2.22");
        retailAdmin.signIn("pat@retail.test", PASSWORD);
        HttpResponse<String> forged = retailAdmin.get("/audit/export.csv?organisation=" + rival);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("rival-only secret query");
        HttpResponse<String> own = retailAdmin.get("/audit/export.csv");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(own.body()).contains("retail query").doesNotContain("rival-only secret query");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("pat@retail.test")
                .and(AUDIT_EVENT.SUBJECT_ORGANISATION_ID.eq(rival)).and(AUDIT_EVENT.OUTCOME.eq("DENIED"))))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyPortalRouteSendsAnonymousVisitorsToSignInAndServesNoData() throws Exception {
        HttpBrowser anonymous = from("192.0.2.30");
        for (String route : List.of("/", "/overview", "/presence", "/team", "/account", "/account/recovery-codes",
                "/audit", "/admin/organisations", "/admin/organisations/" + rival, "/admin/users", "/admin/licences",
                "/admin/licences/1", "/admin/licences/new/" + rival, "/admin/usage", "/operations/releases")) {
            HttpResponse<String> response = anonymous.get(route);
            assertThat(response.statusCode()).as(route).isEqualTo(302);
            assertThat(location(response)).as(route).endsWith("/login");
        }
        for (String open : List.of("/login", "/login/second-factor", "/welcome/not-a-real-token-at-all-000")) {
            HttpResponse<String> page = anonymous.get(open);
            assertThat(page.statusCode()).as(open).isEqualTo(200);
            assertThat(page.body()).as(open).doesNotContain("Rival", "rival-only");
        }
    }

    @Test
    void theSecondFactorEndpointRefusesForgedPosts() throws Exception {
        HttpBrowser browser = from("192.0.2.31");
        assertThat(browser.postWithoutCsrf("/login/second-factor", "code=123456").statusCode()).isEqualTo(403);
        assertThat(location(browser.secondFactor("123456"))).as("no password step in this session")
                .endsWith("/login?expired");
        assertThat(location(browser.get("/admin/organisations"))).endsWith("/login");
    }

    @Test
    void httpBasicOpensNothingNotEvenWithTheRightPassword() throws Exception {
        assertThat(from("192.0.2.32").getWithBasic("/actuator/prometheus", "amy@operator.test", PASSWORD).statusCode())
                .isEqualTo(401);
    }

    private int auditCount(String actor, String action, String outcome) {
        return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq(actor).and(AUDIT_EVENT.ACTION.eq(action))
                .and(AUDIT_EVENT.OUTCOME.eq(outcome)));
    }
}
