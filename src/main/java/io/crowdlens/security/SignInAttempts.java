package io.crowdlens.security;

import static io.crowdlens.db.Tables.APP_USER;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Audits every sign-in and locks an account after too many consecutive failures. */
@Component
public class SignInAttempts {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final DSLContext db;
    private final AuditLog audit;
    private final int maxFailures;

    public SignInAttempts(DSLContext db, AuditLog audit,
            @Value("${crowdlens.security.max-failed-sign-ins:10}") int maxFailures) {
        this.db = db;
        this.audit = audit;
        this.maxFailures = maxFailures;
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof CrowdLensUser user)) {
            return;
        }
        db.update(APP_USER)
                .set(APP_USER.FAILED_LOGINS, 0)
                .set(APP_USER.LAST_LOGIN_AT, OffsetDateTime.now())
                .where(APP_USER.ID.eq(user.id()))
                .execute();
        audit.record(user.username(), user.organisationId(), AuditAction.SIGN_IN, AuditOutcome.SUCCESS, null);
        log.info("Sign-in succeeded for {}", user.username());
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        var row = db.update(APP_USER)
                .set(APP_USER.FAILED_LOGINS, APP_USER.FAILED_LOGINS.plus(1))
                .where(APP_USER.USERNAME.equalIgnoreCase(username.trim()))
                .returning(APP_USER.ID, APP_USER.ORGANISATION_ID, APP_USER.FAILED_LOGINS, APP_USER.LOCKED)
                .fetchOptional();
        String reason = event.getException().getClass().getSimpleName();
        if (row.isEmpty()) {
            audit.record(AuditLog.sanitiseActor(username), null, AuditAction.SIGN_IN, AuditOutcome.FAILURE,
                    "unknown user");
            log.info("Sign-in failed for an unknown user name");
            return;
        }
        var r = row.get();
        if (!r.getLocked() && r.getFailedLogins() >= maxFailures) {
            db.update(APP_USER).set(APP_USER.LOCKED, true).where(APP_USER.ID.eq(r.getId())).execute();
            audit.record(username, r.getOrganisationId(), AuditAction.ACCOUNT_LOCKED, AuditOutcome.SUCCESS,
                    "locked after " + r.getFailedLogins() + " failed sign-ins");
            log.warn("Locked account {} after {} failed sign-ins", username, r.getFailedLogins());
        }
        audit.record(username, r.getOrganisationId(), AuditAction.SIGN_IN, AuditOutcome.FAILURE, reason);
        log.info("Sign-in failed for {}: {}", username, reason);
    }
}
