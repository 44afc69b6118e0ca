package io.crowdlens.security;

import static io.crowdlens.db.Tables.ACCOUNT_LINK;
import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.PASSWORD_RESET_REQUEST;
import static io.crowdlens.db.Tables.USER_ROLE;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links for invitations and password resets. A link carries 256 random bits; only their
 * SHA-256 is stored, so a copy of the database opens no account. A link works once, until it
 * expires, and a newer link for the same user revokes the older ones. Redeeming sets the password
 * (NIST rules), enrols two-factor where the user's role requires it, and ends any open session.
 */
@Service
public class OneTimeLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final TwoFactorStore twoFactor;
    private final AccountSecuritySettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicUrl;

    public OneTimeLinks(DSLContext db, CurrentUser currentUser, PasswordEncoder passwords, PasswordPolicy policy, TwoFactorStore twoFactor,
            AccountSecuritySettings settings, AuditLog audit, Clock clock,
            @Value("${crowdlens.public-url}") String publicUrl) {
        this.db = db;
        this.currentUser = currentUser;
        this.passwords = passwords;
        this.policy = policy;
        this.twoFactor = twoFactor;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Issues a link for a user: an account manager for anyone, a partner admin only for a user of
     * their own organisation (checked here too, since a link opens the account).
     */
    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional
    public IssuedLink issue(long userId, LinkPurpose purpose) {
        CrowdLensUser me = currentUser.require();
        Long organisationId = db.select(APP_USER.ORGANISATION_ID).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.ORGANISATION_ID).orElse(null);
        if (organisationId == null || !(me.has(Role.ACCOUNT_MANAGER) || me.organisationId() == organisationId)) {
            throw new AccessDeniedException("You may only issue links for users of your own organisation.");
        }
        IssuedLink link = create(userId, purpose, me.username());
        if (purpose == LinkPurpose.RESET) {
            markResetRequestsHandled(userId, me.username());
        }
        return link;
    }

    /**
     * A reset link the person asked for themselves ("Forgot password?"), to be mailed to their
     * address; never shown to whoever asked (see {@link PasswordResetRequests}).
     */
    @Transactional
    IssuedLink issueSelfService(long userId) {
        return create(userId, LinkPurpose.RESET, "self-service");
    }

    private IssuedLink create(long userId, LinkPurpose purpose, String issuedBy) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.update(ACCOUNT_LINK).set(ACCOUNT_LINK.REVOKED_AT, now)
                .where(ACCOUNT_LINK.USER_ID.eq(userId))
                .and(ACCOUNT_LINK.USED_AT.isNull()).and(ACCOUNT_LINK.REVOKED_AT.isNull())
                .execute();
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        OffsetDateTime expires = now.plus(purpose == LinkPurpose.INVITATION ? settings.invitationValidity()
                : settings.resetValidity());
        db.insertInto(ACCOUNT_LINK)
                .set(ACCOUNT_LINK.USER_ID, userId)
                .set(ACCOUNT_LINK.PURPOSE, purpose.name())
                .set(ACCOUNT_LINK.TOKEN_HASH, hash(token))
                .set(ACCOUNT_LINK.CREATED_BY, AuditLog.sanitiseActor(issuedBy))
                .set(ACCOUNT_LINK.EXPIRES_AT, expires)
                .execute();
        String username = db.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchSingle(APP_USER.USERNAME);
        return new IssuedLink(username, purpose, publicUrl + "/welcome/" + token, expires);
    }

    /** The holder of a link that still works; empty for an unknown, used, revoked or expired link. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<LinkHolder> inspect(String token) {
        return validLink(token).map(r -> new LinkHolder(r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME),
                LinkPurpose.valueOf(r.get(ACCOUNT_LINK.PURPOSE)), twoFactorRequired(r.get(APP_USER.ID)),
                r.get(APP_USER.TOTP_SECRET) != null, r.get(ACCOUNT_LINK.EXPIRES_AT)));
    }

    /**
     * Sets the password through a link, and enrols two-factor when a secret and its current code
     * are given (required when the role demands it and none is enrolled). Returns the new recovery
     * codes, or an empty list when no two-factor was enrolled here. Nothing changes, and the link
     * keeps working, when anything is refused.
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public List<String> redeem(String token, String newPassword, String twoFactorSecret, String twoFactorCode) {
        Record link = validLink(token).orElseThrow(() -> new AccountSecurityException(
                "This link has expired or has already been used. Ask your administrator for a new one."));
        long userId = link.get(APP_USER.ID);
        String username = link.get(APP_USER.USERNAME);
        policy.refusal(newPassword, username, link.get(APP_USER.DISPLAY_NAME)).ifPresent(reason -> {
            throw new AccountSecurityException(reason);
        });
        boolean enrol = twoFactorSecret != null && !twoFactorSecret.isBlank();
        if (twoFactorRequired(userId) && link.get(APP_USER.TOTP_SECRET) == null && !enrol) {
            throw new AccountSecurityException("Your role requires two-factor authentication: scan the code with an "
                    + "authenticator app and enter the code it shows.");
        }
        Long step = null;
        if (enrol) {
            var matched = Totp.matchingStep(twoFactorSecret, twoFactorCode, clock.instant(), null);
            if (matched.isEmpty()) {
                throw new AccountSecurityException("That code does not match. Check the time on your phone and enter "
                        + "the current 6-digit code.");
            }
            step = matched.getAsLong();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int claimed = db.update(ACCOUNT_LINK).set(ACCOUNT_LINK.USED_AT, now)
                .where(ACCOUNT_LINK.ID.eq(link.get(ACCOUNT_LINK.ID))).and(ACCOUNT_LINK.USED_AT.isNull())
                .execute();
        if (claimed != 1) {
            throw new AccountSecurityException("This link has already been used.");
        }
        db.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwords.encode(newPassword))
                .set(APP_USER.PASSWORD_CHANGED_AT, now)
                .set(APP_USER.FAILED_LOGINS, 0)
                .set(APP_USER.LOCKED, false)
                .set(APP_USER.SESSION_GENERATION, APP_USER.SESSION_GENERATION.plus(1))
                .where(APP_USER.ID.eq(userId))
                .execute();
        markResetRequestsHandled(userId, username);
        List<String> codes = enrol ? twoFactor.enable(userId, twoFactorSecret, step) : List.of();
        Long organisationId = db.select(APP_USER.ORGANISATION_ID).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchSingle(APP_USER.ORGANISATION_ID);
        audit.record(username, organisationId, AuditAction.ACCOUNT_SECURITY, AuditOutcome.SUCCESS,
                "password set through " + link.get(ACCOUNT_LINK.PURPOSE).toLowerCase() + " link"
                        + (enrol ? "; two-factor authentication enrolled" : ""));
        return codes;
    }

    private void markResetRequestsHandled(long userId, String by) {
        db.update(PASSWORD_RESET_REQUEST)
                .set(PASSWORD_RESET_REQUEST.HANDLED_AT, OffsetDateTime.now(clock))
                .set(PASSWORD_RESET_REQUEST.HANDLED_BY, AuditLog.sanitiseActor(by))
                .where(PASSWORD_RESET_REQUEST.USER_ID.eq(userId))
                .and(PASSWORD_RESET_REQUEST.HANDLED_AT.isNull())
                .execute();
    }

    private Optional<Record> validLink(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return db.select(ACCOUNT_LINK.ID, ACCOUNT_LINK.PURPOSE, ACCOUNT_LINK.EXPIRES_AT, APP_USER.ID,
                        APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.TOTP_SECRET)
                .from(ACCOUNT_LINK)
                .join(APP_USER).on(APP_USER.ID.eq(ACCOUNT_LINK.USER_ID))
                .where(ACCOUNT_LINK.TOKEN_HASH.eq(hash(token)))
                .and(ACCOUNT_LINK.USED_AT.isNull())
                .and(ACCOUNT_LINK.REVOKED_AT.isNull())
                .and(ACCOUNT_LINK.EXPIRES_AT.gt(OffsetDateTime.now(clock)))
                .fetchOptional()
                .map(r -> (Record) r);
    }

    private boolean twoFactorRequired(long userId) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        db.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId))
                .forEach(r -> roles.add(Role.valueOf(r.value1())));
        return settings.twoFactorRequired(roles);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
