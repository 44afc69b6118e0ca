package io.crowdlens.security;

import static io.crowdlens.db.Tables.PASSWORD_RESET_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.OnPostgres;
import io.crowdlens.testing.SignedIn;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password?" on a real PostgreSQL (migration V36): without a mail host a request is stored
 * for the admins, answered like an unknown address, and handled when a reset link is used.
 */
@OnPostgres
@Transactional
class PasswordResetRequestsOnPostgresTest {

    static final String PASSWORD = "violet tractor umbrella";

    @Autowired DSLContext db;
    @Autowired PasswordResetRequests resets;
    @Autowired OneTimeLinks links;
    @Autowired UserAccounts accounts;
    @Autowired PasswordEncoder encoder;
    @Autowired SecurityContextHolderStrategy securityContext;

    @Test
    void aRequestWaitsForTheAdminWhoseLinkResetsUnlocksAndHandlesIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Fixtures fixtures = new Fixtures(db);
        long org = fixtures.organisation("Reset " + suffix);
        String user = "forgot-" + suffix + "@reset.test";
        long id = fixtures.user(org, user, encoder.encode(PASSWORD), Role.PARTNER_ANALYST);
        fixtures.user(org, "admin-" + suffix + "@reset.test", encoder.encode(PASSWORD), Role.PARTNER_ADMIN);
        db.update(io.crowdlens.db.Tables.APP_USER).set(io.crowdlens.db.Tables.APP_USER.LOCKED, true)
                .set(io.crowdlens.db.Tables.APP_USER.FAILED_LOGINS, 10)
                .where(io.crowdlens.db.Tables.APP_USER.ID.eq(id)).execute();

        assertThat(resets.request(user, "192.0.2.90")).isEqualTo(resets.request("no-" + user, "192.0.2.91"));
        assertThat(db.fetchCount(PASSWORD_RESET_REQUEST, PASSWORD_RESET_REQUEST.USER_ID.eq(id)
                .and(PASSWORD_RESET_REQUEST.HANDLED_AT.isNull()))).isEqualTo(1);

        IssuedLink link;
        SignedIn.as(accounts.loadUserByUsername("admin-" + suffix + "@reset.test"), securityContext);
        try {
            assertThat(resets.pending()).extracting(PendingResetRequest::userId).containsExactly(id);
            link = links.issue(id, LinkPurpose.RESET);
        } finally {
            SignedIn.out(securityContext);
        }
        links.redeem(link.url().substring(link.url().indexOf("/welcome/") + 9), "a brand new long passphrase", null,
                null);

        CrowdLensUser after = accounts.findByUsername(user).orElseThrow();
        assertThat(after.isAccountNonLocked()).as("a used reset link unlocks").isTrue();
        assertThat(db.fetchCount(PASSWORD_RESET_REQUEST, PASSWORD_RESET_REQUEST.USER_ID.eq(id)
                .and(PASSWORD_RESET_REQUEST.HANDLED_AT.isNull()))).isZero();
    }
}
