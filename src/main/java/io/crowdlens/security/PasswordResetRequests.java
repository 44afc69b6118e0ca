package io.crowdlens.security;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.PASSWORD_RESET_REQUEST;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service "Forgot password?" (decision 032). Whoever asks gets the same answer, whether or not
 * the address belongs to an account, and in comparable time: the account is looked up and a hash
 * is computed either way, and mail goes out on another thread. With a mail host, an existing
 * account is mailed a single-use reset link; without one, the request is recorded for the
 * person's partner admin or account manager, who issue the link as before. Requests are limited
 * per client address and per account address; requests over a limit are answered the same and
 * ignored. Every request is audited.
 */
@Service
public class PasswordResetRequests {

    /** The one answer to every request. */
    public static final String ANSWER = "If an account exists for that address, we have passed on your request. "
            + "With email set up, a reset link is on its way (check your inbox and spam folder); otherwise your "
            + "organisation's partner admin or your CrowdLens account manager will send you a link. The link works "
            + "once; resetting your password also unlocks your account.";

    private final DSLContext db;
    private final OneTimeLinks links;
    private final ResetLinkMail mail;
    private final PasswordEncoder passwords;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final SlidingWindowCounter perAddress;
    private final SlidingWindowCounter perAccount;

    public PasswordResetRequests(DSLContext db, OneTimeLinks links, ResetLinkMail mail, PasswordEncoder passwords,
            CurrentUser currentUser, AuditLog audit, AccountSecuritySettings settings, Clock clock) {
        this.db = db;
        this.links = links;
        this.mail = mail;
        this.passwords = passwords;
        this.currentUser = currentUser;
        this.audit = audit;
        this.perAddress = new SlidingWindowCounter(settings.maxResetRequestsPerAddress(), settings.resetRequestWindow(),
                clock);
        this.perAccount = new SlidingWindowCounter(settings.maxResetRequestsPerAccount(), settings.resetRequestWindow(),
                clock);
    }

    /** Someone asks for a reset link for {@code email}; returns {@link #ANSWER}, always. */
    @PreAuthorize("permitAll()")
    @Transactional
    public String request(String email, String clientAddress) {
        String name = email == null ? "" : email.trim();
        String key = name.toLowerCase(Locale.ROOT);
        // comparable work whatever follows: one hash, one lookup
        passwords.encode(key);
        var account = name.isEmpty() || name.length() > 254 ? java.util.Optional.<org.jooq.Record3<Long, Long, String>>empty()
                : db.select(APP_USER.ID, APP_USER.ORGANISATION_ID, APP_USER.DISPLAY_NAME).from(APP_USER)
                        .where(APP_USER.USERNAME.equalIgnoreCase(name)).fetchOptional();
        boolean addressOver = perAddress.blockedUntil(clientAddress).isPresent();
        boolean accountOver = perAccount.blockedUntil(key).isPresent();
        perAddress.record(clientAddress);
        perAccount.record(key);
        String actor = AuditLog.sanitiseActor(name.isEmpty() ? "(blank)" : name);
        if (addressOver || accountOver) {
            audit.recordAccess(actor, account.map(r -> r.value2()).orElse(null), AuditAction.ACCOUNT_SECURITY,
                    AuditOutcome.DENIED, "password reset request ignored: too many requests for this "
                            + (addressOver ? "client address" : "account"), clientAddress);
            return ANSWER;
        }
        if (account.isEmpty()) {
            audit.recordAccess(actor, null, AuditAction.ACCOUNT_SECURITY, AuditOutcome.FAILURE,
                    "password reset requested for an unknown address", clientAddress);
            return ANSWER;
        }
        long userId = account.get().value1();
        Long organisationId = account.get().value2();
        if (mail.configured()) {
            IssuedLink link = links.issueSelfService(userId);
            mail.sendLater(link, account.get().value3());
            audit.recordAccess(name, organisationId, AuditAction.ACCOUNT_SECURITY, AuditOutcome.SUCCESS,
                    "password reset requested; single-use link mailed", clientAddress);
        } else {
            db.insertInto(PASSWORD_RESET_REQUEST)
                    .set(PASSWORD_RESET_REQUEST.USER_ID, userId)
                    .set(PASSWORD_RESET_REQUEST.CLIENT_ADDRESS, clientAddress)
                    .execute();
            audit.recordAccess(name, organisationId, AuditAction.ACCOUNT_SECURITY, AuditOutcome.SUCCESS,
                    "password reset requested; waiting for an administrator to issue a link", clientAddress);
        }
        return ANSWER;
    }

    /**
     * Requests waiting for a link, oldest first: all for an account manager, their own
     * organisation's for a partner admin.
     */
    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public List<PendingResetRequest> pending() {
        CrowdLensUser me = currentUser.require();
        return db.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME,
                        DSL.min(PASSWORD_RESET_REQUEST.REQUESTED_AT))
                .from(PASSWORD_RESET_REQUEST)
                .join(APP_USER).on(APP_USER.ID.eq(PASSWORD_RESET_REQUEST.USER_ID))
                .where(PASSWORD_RESET_REQUEST.HANDLED_AT.isNull())
                .and(me.has(Role.ACCOUNT_MANAGER) ? DSL.noCondition()
                        : APP_USER.ORGANISATION_ID.eq(me.organisationId()))
                .groupBy(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME)
                .orderBy(DSL.min(PASSWORD_RESET_REQUEST.REQUESTED_AT))
                .fetch(r -> new PendingResetRequest(r.value1(), r.value2(), r.value3(), r.value4()));
    }
}
