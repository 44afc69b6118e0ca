package io.crowdlens.security;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.OnH2;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * An account manager without an authenticator enrols at their first sign-in: the password step
 * leaves the session signed out with a secret to show, and the code from that secret signs it in
 * and enrols it, with recovery codes handed out once.
 */
@OnH2
class SignInEnrolmentTest {

    @Autowired DSLContext db;
    @Autowired TwoStepSignIn twoStep;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void accountManagerWithoutAnAuthenticatorEnrolsAtFirstSignIn() {
        Fixtures fixtures = new Fixtures(db);
        long operator = fixtures.organisation("Operator " + UUID.randomUUID());
        String username = "new-manager-" + UUID.randomUUID() + "@operator.test";
        fixtures.user(operator, username, "{noop}x", Role.ACCOUNT_MANAGER);
        CrowdLensUser manager = accounts.loadUserByUsername(username);
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setSession(session);
        request.setRemoteAddr("192.0.2.77");

        assertThat(twoStep.owesSecondFactor(manager)).isTrue();
        twoStep.awaitSecondFactor(request, new MockHttpServletResponse(), manager);

        PendingSignIn pending = twoStep.pending(session).orElseThrow();
        assertThat(pending.enrolling()).isTrue();
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                .as("not signed in between the steps").isNull();
        assertThat(twoStep.enrolmentFor(pending).orElseThrow().qrPng()).isNotEmpty();

        MockHttpServletRequest second = new MockHttpServletRequest("POST", "/login/second-factor");
        second.setSession(session);
        second.setRemoteAddr("192.0.2.77");
        assertThat(twoStep.verify(second, new MockHttpServletResponse(), "000000"))
                .isEqualTo(TwoStepSignIn.Outcome.WRONG_CODE);
        var outcome = twoStep.verify(second, new MockHttpServletResponse(),
                Totp.codeAt(pending.enrolmentSecret(), Instant.now()));

        assertThat(outcome).isEqualTo(TwoStepSignIn.Outcome.ENROLLED);
        assertThat(accounts.findByUsername(username).orElseThrow().twoFactorEnabled()).isTrue();
        assertThat(second.getSession().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                .isNotNull();
        assertThat(twoStep.takeFreshRecoveryCodes(second.getSession())).hasSize(10);
        assertThat(twoStep.takeFreshRecoveryCodes(second.getSession())).as("shown once").isEmpty();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq(username)
                .and(AUDIT_EVENT.DETAIL.eq("password + newly enrolled authenticator")))).isEqualTo(1);
    }
}
