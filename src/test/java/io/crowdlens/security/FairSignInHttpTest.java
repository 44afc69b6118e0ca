package io.crowdlens.security;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.db.Tables.ORGANISATION;
import static io.crowdlens.db.Tables.PASSWORD_RESET_REQUEST;
import static io.crowdlens.testing.HttpBrowser.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.HttpBrowser;
import io.crowdlens.testing.SignedIn;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sign-in that treats people fairly (decision 032), over real HTTP against a running portal: a
 * locked account is told so only after its correct password; an office address is not locked out
 * by a few colleagues; "Forgot password?" answers the same for every address. Loopback is a
 * trusted proxy, so each test speaks from an address of its own through X-Forwarded-For.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crowdlens.security.max-failed-sign-ins=3",
        "crowdlens.security.max-failures-per-account-and-address=2",
        "crowdlens.security.max-failures-per-address=6",
        "crowdlens.security.max-reset-requests-per-account=2",
        "crowdlens.security.trusted-proxies=127.0.0.1,::1"})
@ActiveProfiles("test")
class FairSignInHttpTest {

    static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort int port;
    @Autowired DSLContext db;
    @Autowired PasswordEncoder encoder;
    @Autowired UserAccounts accounts;
    @Autowired PasswordResetRequests resets;
    @Autowired OneTimeLinks links;
    @Autowired org.springframework.security.core.context.SecurityContextHolderStrategy securityContext;

    @BeforeEach
    void users() {
        if (db.fetchExists(ORGANISATION, ORGANISATION.NAME.eq("Fair"))) {
            return;
        }
        Fixtures fixtures = new Fixtures(db);
        long fair = fixtures.organisation("Fair");
        String hash = encoder.encode(PASSWORD);
        for (String name : List.of("locked", "office1", "office2", "office3", "office4", "office5", "colleague",
                "resetter", "forgetful")) {
            fixtures.user(fair, name + "@fair.test", hash, Role.PARTNER_ANALYST);
        }
        fixtures.user(fair, "admin@fair.test", hash, Role.PARTNER_ADMIN);
        fixtures.user(fixtures.organisation("Other"), "admin@other.test", hash, Role.PARTNER_ADMIN);
        db.update(io.crowdlens.db.Tables.APP_USER).set(io.crowdlens.db.Tables.APP_USER.LOCKED, true)
                .where(io.crowdlens.db.Tables.APP_USER.USERNAME.eq("locked@fair.test")).execute();
    }

    HttpBrowser from(String address) {
        return new HttpBrowser(port).claimingToBe(address);
    }

    @Test
    void aLockedAccountIsToldItIsLockedOnlyAfterItsCorrectPassword() throws Exception {
        assertThat(location(from("198.51.100.21").signIn("locked@fair.test", "a wrong guess")))
                .as("wrong password on a locked account").endsWith("/login?error");
        assertThat(location(from("198.51.100.22").signIn("nobody@fair.test", "a wrong guess")))
                .as("no such account").endsWith("/login?error");
        assertThat(location(from("198.51.100.23").signIn("colleague@fair.test", "a wrong guess")))
                .as("wrong password on an open account").endsWith("/login?error");

        assertThat(location(from("198.51.100.24").signIn("locked@fair.test", PASSWORD)))
                .as("correct password on a locked account").endsWith("/login?locked");
        assertThat(location(from("198.51.100.24").get("/login?locked"))).as("the page itself is public").isEmpty();
        assertThat(accounts.findByUsername("locked@fair.test").orElseThrow().isAccountNonLocked()).isFalse();
    }

    @Test
    void colleaguesFailingFromOneOfficeAddressDoNotBlockAnotherUserUntilTheHigherLimit() throws Exception {
        String office = "203.0.113.40";
        for (int i = 1; i <= 5; i++) {
            assertThat(location(from(office).signIn("office" + i + "@fair.test", "a wrong guess")))
                    .endsWith("/login?error");
        }
        // one colleague mistypes twice more and is paused from the office, told until when
        from(office).signIn("office1@fair.test", "a wrong guess");
        String paused = location(from(office).signIn("office1@fair.test", PASSWORD));
        assertThat(paused).as("office1 paused after 2 failures from this address").contains("/login?throttled=");
        long retry = Long.parseLong(paused.substring(paused.indexOf('=') + 1));
        assertThat(Instant.ofEpochSecond(retry)).isAfter(Instant.now());

        // six failures from the office so far: the address as a whole is at its limit now
        assertThat(location(from(office).signIn("colleague@fair.test", PASSWORD)))
                .as("at the higher limit the whole address is refused").contains("/login?throttled=");
    }

    @Test
    void aDifferentUserAtTheOfficeSignsInBelowTheHigherLimit() throws Exception {
        String office = "203.0.113.41";
        for (int i = 1; i <= 3; i++) {
            from(office).signIn("office" + i + "@fair.test", "a wrong guess");
        }
        from(office).signIn("office5@fair.test", "a wrong guess");
        assertThat(location(from(office).signIn("office5@fair.test", "a wrong guess"))).as("office5 now paused")
                .endsWith("/login?error");
        assertThat(location(from(office).signIn("office5@fair.test", PASSWORD))).contains("/login?throttled=");

        HttpBrowser colleague = from(office);
        assertThat(location(colleague.signIn("colleague@fair.test", PASSWORD)))
                .as("5 failures from the office: below the address limit of 6, and refusals are not counted")
                .doesNotContain("/login");
    }

    @Test
    void knownAndUnknownAddressesGetTheSameResetAnswer() {
        int before = db.fetchCount(PASSWORD_RESET_REQUEST);

        String known = resets.request("resetter@fair.test", "198.51.100.30");
        String unknown = resets.request("nobody-here@fair.test", "198.51.100.31");
        String knownAgain = resets.request("RESETTER@fair.test", "198.51.100.32");
        String overLimit = resets.request("resetter@fair.test", "198.51.100.33");

        assertThat(known).isEqualTo(unknown).isEqualTo(knownAgain).isEqualTo(overLimit)
                .isEqualTo(PasswordResetRequests.ANSWER);
        assertThat(db.fetchCount(PASSWORD_RESET_REQUEST) - before).as("no mail host: recorded for the admins; "
                + "the third request for the account is over its limit and ignored").isEqualTo(2);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("nobody-here@fair.test")
                .and(AUDIT_EVENT.DETAIL.eq("password reset requested for an unknown address")))).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("resetter@fair.test")
                .and(AUDIT_EVENT.OUTCOME.eq("DENIED")))).isEqualTo(1);
    }

    @Test
    void aResetRequestTakesComparableTimeForKnownAndUnknownAddresses() {
        // warm up
        resets.request("office2@fair.test", "198.51.100.40");
        resets.request("warm-unknown@fair.test", "198.51.100.41");
        long known = 0;
        long unknown = 0;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            resets.request("office3@fair.test", "198.51.100.5" + i);
            long t1 = System.nanoTime();
            resets.request("unknown" + i + "@fair.test", "198.51.100.6" + i);
            long t2 = System.nanoTime();
            known += t1 - t0;
            unknown += t2 - t1;
        }
        // both are dominated by the same password hash; a lookup that skipped it would be many times faster
        assertThat((double) unknown / known).isBetween(0.4, 2.5);
    }

    @Test
    void aPendingRequestIsShownToTheOwnPartnerAdminOnlyUntilTheyIssueTheLink() {
        resets.request("forgetful@fair.test", "198.51.100.70");
        long forgetful = accounts.findByUsername("forgetful@fair.test").orElseThrow().id();

        SignedIn.as(accounts.loadUserByUsername("admin@other.test"), securityContext);
        try {
            assertThat(resets.pending()).as("another organisation's admin").extracting(PendingResetRequest::userId)
                    .doesNotContain(forgetful);
        } finally {
            SignedIn.out(securityContext);
        }
        SignedIn.as(accounts.loadUserByUsername("admin@fair.test"), securityContext);
        try {
            assertThat(resets.pending()).extracting(PendingResetRequest::username).contains("forgetful@fair.test");
            links.issue(forgetful, LinkPurpose.RESET);
            assertThat(resets.pending()).extracting(PendingResetRequest::userId).doesNotContain(forgetful);
        } finally {
            SignedIn.out(securityContext);
        }
        assertThat(db.select(PASSWORD_RESET_REQUEST.HANDLED_BY).from(PASSWORD_RESET_REQUEST)
                .where(PASSWORD_RESET_REQUEST.USER_ID.eq(forgetful)).fetch(PASSWORD_RESET_REQUEST.HANDLED_BY))
                .containsOnly("admin@fair.test");
    }
}
