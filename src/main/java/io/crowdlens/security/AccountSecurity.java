package io.crowdlens.security;

import static io.crowdlens.db.Tables.APP_USER;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in user's own account: password change, two-factor set-up and removal, recovery codes,
 * and "sign out everywhere". Acts only on the caller's account; every change is audited.
 */
@Service
public class AccountSecurity {

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final TwoFactorStore twoFactor;
    private final AccountSecuritySettings settings;
    private final AuditLog audit;
    private final Clock clock;

    public AccountSecurity(DSLContext db, CurrentUser currentUser, PasswordEncoder passwords, PasswordPolicy policy,
            TwoFactorStore twoFactor, AccountSecuritySettings settings, AuditLog audit, Clock clock) {
        this.db = db;
        this.currentUser = currentUser;
        this.passwords = passwords;
        this.policy = policy;
        this.twoFactor = twoFactor;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public TwoFactorStatus twoFactorStatus() {
        CrowdLensUser user = currentUser.require();
        boolean enabled = db.fetchExists(APP_USER, APP_USER.ID.eq(user.id()).and(APP_USER.TOTP_SECRET.isNotNull()));
        return new TwoFactorStatus(enabled, settings.twoFactorRequired(user.roles()),
                enabled ? twoFactor.remainingRecoveryCodes(user.id()) : 0);
    }

    /**
     * Changes the caller's password after checking the current one. Every session of the account,
     * this one included, ends: the caller signs in again with the new password.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changePassword(String currentPassword, String newPassword) {
        CrowdLensUser user = currentUser.require();
        requireCurrentPassword(user, currentPassword);
        policy.refusal(newPassword, user.username(), user.displayName()).ifPresent(reason -> {
            throw new AccountSecurityException(reason);
        });
        if (passwords.matches(newPassword, storedHash(user))) {
            throw new AccountSecurityException("Choose a password different from your current one.");
        }
        db.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwords.encode(newPassword))
                .set(APP_USER.PASSWORD_CHANGED_AT, OffsetDateTime.now(clock))
                .set(APP_USER.SESSION_GENERATION, APP_USER.SESSION_GENERATION.plus(1))
                .where(APP_USER.ID.eq(user.id()))
                .execute();
        audit.record(user.username(), user.organisationId(), AuditAction.ACCOUNT_SECURITY, AuditOutcome.SUCCESS,
                "password changed; all sessions ended");
    }

    /** Step one of two-factor set-up: a new secret to scan. Nothing is stored yet. */
    @PreAuthorize("isAuthenticated()")
    public TwoFactorEnrolment beginTwoFactor() {
        return TwoFactorEnrolment.begin(currentUser.require().username());
    }

    /** Step two: the authenticator's code proves the secret; returns the recovery codes, shown once. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public List<String> confirmTwoFactor(String secret, String code) {
        CrowdLensUser user = currentUser.require();
        var step = Totp.matchingStep(secret, code, clock.instant(), null);
        if (step.isEmpty()) {
            throw new AccountSecurityException("That code does not match. Check the time on your phone and enter the "
                    + "current 6-digit code.");
        }
        List<String> codes = twoFactor.enable(user.id(), secret, step.getAsLong());
        audit.record(user.username(), user.organisationId(), AuditAction.ACCOUNT_SECURITY, AuditOutcome.SUCCESS,
                "two-factor authentication enrolled");
        return codes;
    }

    /** Removes two-factor, where the caller's roles allow it, after checking the password. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void removeTwoFactor(String currentPassword) {
        CrowdLensUser user = currentUser.require();
        if (settings.twoFactorRequired(user.roles())) {
            throw new AccountSecurityException("Your role requires two-factor authentication; it cannot be removed.");
        }
        requireCurrentPassword(user, currentPassword);
        twoFactor.disable(user.id());
        audit.record(user.username(), user.organisationId(), AuditAction.ACCOUNT_SECURITY, AuditOutcome.SUCCESS,
                "two-factor authentication removed");
    }

    /** New recovery codes; the old ones stop working. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public List<String> renewRecoveryCodes(String currentPassword) {
        CrowdLensUser user = currentUser.require();
        requireCurrentPassword(user, currentPassword);
        if (!twoFactorStatus().enabled()) {
            throw new AccountSecurityException("Set up two-factor authentication first.");
        }
        List<String> codes = twoFactor.replaceRecoveryCodes(user.id());
        audit.record(user.username(), user.organisationId(), AuditAction.ACCOUNT_SECURITY, AuditOutcome.SUCCESS,
                "recovery codes renewed");
        return codes;
    }

    /** Ends every session of the caller's account, on every device, at its next request. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void signOutEverywhere() {
        CrowdLensUser user = currentUser.require();
        db.update(APP_USER).set(APP_USER.SESSION_GENERATION, APP_USER.SESSION_GENERATION.plus(1))
                .where(APP_USER.ID.eq(user.id())).execute();
        audit.record(user.username(), user.organisationId(), AuditAction.SIGN_OUT, AuditOutcome.SUCCESS,
                "signed out everywhere");
    }

    private void requireCurrentPassword(CrowdLensUser user, String currentPassword) {
        if (currentPassword == null || !passwords.matches(currentPassword, storedHash(user))) {
            audit.record(user.username(), user.organisationId(), AuditAction.ACCOUNT_SECURITY, AuditOutcome.DENIED,
                    "wrong current password");
            throw new AccountSecurityException("Your current password is not correct.");
        }
    }

    private String storedHash(CrowdLensUser user) {
        String hash = db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.ID.eq(user.id()))
                .fetchOne(APP_USER.PASSWORD_HASH);
        return hash == null ? "" : hash;
    }
}
