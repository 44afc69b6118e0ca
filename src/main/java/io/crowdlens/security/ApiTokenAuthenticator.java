package io.crowdlens.security;

import static io.crowdlens.db.Tables.API_TOKEN;
import static io.crowdlens.db.Tables.API_TOKEN_SCOPE;
import static io.crowdlens.db.Tables.APP_USER;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.crowdlens.security.ApiTokenCheck.Accepted;
import io.crowdlens.security.ApiTokenCheck.Reason;
import io.crowdlens.security.ApiTokenCheck.Refused;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a presented API token secret at every request: it must match a stored digest, be neither
 * expired nor revoked, belong to a user who is enabled and unlocked in an active organisation, and
 * still be covered by that user's current licences (or role, for metrics). Runs before anyone is
 * signed in. A refusal never touches the person's sign-in failure count: a script with a stale token
 * must not lock its owner out of the portal.
 */
@Component
public class ApiTokenAuthenticator {

    /** Last use is written at most this often per token, not on every request. */
    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private final DSLContext db;
    private final UserAccounts accounts;
    private final ApiTokenScopes scopes;
    private final Clock clock;

    ApiTokenAuthenticator(DSLContext db, UserAccounts accounts, ApiTokenScopes scopes, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.scopes = scopes;
        this.clock = clock;
    }

    @Transactional
    public ApiTokenCheck check(String presentedSecret) {
        if (!ApiTokenSecrets.hasTheShapeOfASecret(presentedSecret)) {
            return Refused.unknown(Reason.UNKNOWN);
        }
        var row = db.select(API_TOKEN.ID, API_TOKEN.NAME, API_TOKEN.EXPIRES_AT, API_TOKEN.REVOKED_AT,
                        APP_USER.USERNAME, APP_USER.ORGANISATION_ID,
                        multiset(select(API_TOKEN_SCOPE.SCOPE).from(API_TOKEN_SCOPE)
                                .where(API_TOKEN_SCOPE.TOKEN_ID.eq(API_TOKEN.ID)))
                                .convertFrom(r -> r.map(s -> ApiTokenScope.valueOf(s.value1()))))
                .from(API_TOKEN)
                .join(APP_USER).on(APP_USER.ID.eq(API_TOKEN.USER_ID))
                .where(API_TOKEN.SECRET_DIGEST.eq(ApiTokenSecrets.digest(presentedSecret)))
                .fetchOptional();
        if (row.isEmpty()) {
            return Refused.unknown(Reason.UNKNOWN);
        }
        var token = row.get();
        long tokenId = token.value1();
        String username = token.value5();
        long organisationId = token.value6();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (token.value4() != null) {
            return new Refused(Reason.REVOKED, username, organisationId, tokenId);
        }
        if (!token.value3().isAfter(now)) {
            return new Refused(Reason.EXPIRED, username, organisationId, tokenId);
        }
        Optional<CrowdLensUser> user = accounts.findByUsername(username);
        if (user.isEmpty() || !user.get().isEnabled()) {
            return new Refused(Reason.USER_INACTIVE, username, organisationId, tokenId);
        }
        if (!user.get().isAccountNonLocked()) {
            return new Refused(Reason.USER_LOCKED, username, organisationId, tokenId);
        }
        Set<ApiTokenScope> usable = token.value7().isEmpty() ? EnumSet.noneOf(ApiTokenScope.class)
                : EnumSet.copyOf(token.value7());
        usable.retainAll(scopes.availableTo(user.get()));
        if (usable.isEmpty()) {
            return new Refused(Reason.NOTHING_LICENSED, username, organisationId, tokenId);
        }
        db.update(API_TOKEN)
                .set(API_TOKEN.LAST_USED_AT, now)
                .where(API_TOKEN.ID.eq(tokenId))
                .and(API_TOKEN.LAST_USED_AT.isNull().or(API_TOKEN.LAST_USED_AT.lt(now.minus(LAST_USE_RESOLUTION))))
                .execute();
        return new Accepted(new ApiTokenAuthentication(user.get(),
                new ApiTokenIdentity(tokenId, token.value2(), usable, token.value3())));
    }
}
