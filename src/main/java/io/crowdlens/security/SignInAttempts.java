package io.crowdlens.security;

import static io.crowdlens.db.Tables.APP_USER;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits every sign-in, and locks an account after too many consecutive failures, password or
 * second factor alike. A correct password does not reset the count while the second factor is
 * still owed, so guessing codes cannot be interleaved with password successes. Failures also count
 * against the client address ({@link SignInThrottle}).
 */
@Component
public class SignInAttempts {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final DSLContext db;
    private final AuditLog audit;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final int maxFailures;

    public SignInAttempts(DSLContext db, AuditLog audit, SignInThrottle throttle, Clock clock,
            AccountSecuritySettings settings) {
        this.db = db;
        this.audit = audit;
        this.throttle = throttle;
        this.clock = clock;
        this.maxFailures = settings.maxFailedSignIns();
    }

    /** A person is fully signed in: every factor they owe has been checked. */
    @Transactional
    public void completed(CrowdLensUser user, String clientAddress, String method) {
        db.update(APP_USER)
                .set(APP_USER.FAILED_LOGINS, 0)
                .set(APP_USER.LAST_LOGIN_AT, OffsetDateTime.now(clock))
                .where(APP_USER.ID.eq(user.id()))
                .execute();
        if (clientAddress != null) {
            throttle.succeeded(user.username(), clientAddress);
        }
        audit.recordAccess(user.username(), user.organisationId(), AuditAction.SIGN_IN, AuditOutcome.SUCCESS, method,
                clientAddress);
        log.info("Sign-in succeeded for {} ({})", user.username(), method);
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        String address = event.getAuthentication().getDetails() instanceof SignInDetails d ? d.clientAddress() : null;
        if (event.getException() instanceof SignInThrottledException) {
            audit.recordAccess(AuditLog.sanitiseActor(username), null, AuditAction.SIGN_IN, AuditOutcome.DENIED,
                    "refused unchecked: too many failed sign-ins for this name or from this address", address);
            log.info("Sign-in refused: address {} is throttled", address);
            return;
        }
        if (event.getException() instanceof LockedException) {
            // the right password for a locked account: told it is locked, not counted as a guess
            var row = db.select(APP_USER.ORGANISATION_ID).from(APP_USER)
                    .where(APP_USER.USERNAME.equalIgnoreCase(username.trim())).fetchOptional();
            audit.recordAccess(username, row.map(r -> r.value1()).orElse(null), AuditAction.SIGN_IN,
                    AuditOutcome.FAILURE, "LockedException", address);
            log.info("Sign-in refused for {}: account locked (correct password)", username);
            return;
        }
        countFailure(username, address, event.getException().getClass().getSimpleName());
    }

    /** A wrong authenticator or recovery code after a correct password. True if the account is now locked. */
    @Transactional
    public boolean secondFactorFailed(CrowdLensUser user, String clientAddress) {
        return countFailure(user.username(), clientAddress, "wrong second factor");
    }

    private boolean countFailure(String username, String address, String reason) {
        if (address != null && throttle.recordFailure(username, address)) {
            log.warn("Throttling sign-in for {} from {}, or from the address altogether: too many failures",
                    AuditLog.sanitiseActor(username), address);
        }
        var row = db.update(APP_USER)
                .set(APP_USER.FAILED_LOGINS, APP_USER.FAILED_LOGINS.plus(1))
                .where(APP_USER.USERNAME.equalIgnoreCase(username.trim()))
                .returning(APP_USER.ID, APP_USER.ORGANISATION_ID, APP_USER.FAILED_LOGINS, APP_USER.LOCKED)
                .fetchOptional();
        if (row.isEmpty()) {
            audit.recordAccess(AuditLog.sanitiseActor(username), null, AuditAction.SIGN_IN, AuditOutcome.FAILURE,
                    "unknown user", address);
            log.info("Sign-in failed for an unknown user name");
            return false;
        }
        var r = row.get();
        boolean lockedNow = !r.getLocked() && r.getFailedLogins() >= maxFailures;
        if (lockedNow) {
            db.update(APP_USER).set(APP_USER.LOCKED, true).where(APP_USER.ID.eq(r.getId())).execute();
            audit.recordAccess(username, r.getOrganisationId(), AuditAction.ACCOUNT_LOCKED, AuditOutcome.SUCCESS,
                    "locked after " + r.getFailedLogins() + " failed sign-ins", address);
            log.warn("Locked account {} after {} failed sign-ins", username, r.getFailedLogins());
        }
        audit.recordAccess(username, r.getOrganisationId(), AuditAction.SIGN_IN, AuditOutcome.FAILURE, reason, address);
        log.info("Sign-in failed for {}: {}", username, reason);
        return lockedNow || r.getLocked();
    }
}
