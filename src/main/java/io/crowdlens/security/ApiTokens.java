package io.crowdlens.security;

import static io.crowdlens.db.Tables.API_TOKEN;
import static io.crowdlens.db.Tables.API_TOKEN_SCOPE;
import static io.crowdlens.db.Tables.APP_USER;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens (decision 025): a person creates their own on their account page (a name, the
 * scopes their licences or role allow, a validity up to the deployment's maximum) and sees the secret
 * once; they list and revoke their own. Partner admins see and revoke their organisation's tokens,
 * account managers any. Creation and revocation are audited; each use is audited by
 * {@link ApiTokenAuthenticationFilter}.
 */
@Service
public class ApiTokens {

    static final int MAX_NAME = 100;
    private static final int MAX_LISTED = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final ApiTokenScopes scopes;
    private final ApiTokenSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(DSLContext db, CurrentUser currentUser, ApiTokenScopes scopes, ApiTokenSettings settings,
            AuditLog audit, Clock clock) {
        this.db = db;
        this.currentUser = currentUser;
        this.scopes = scopes;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the signed-in person may create tokens for now: their licensed datasets, or metrics. Empty: no tokens. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Set<ApiTokenScope> availableScopes() {
        return scopes.availableTo(currentUser.require());
    }

    /** The longest validity, in days, a new token may have (the deployment's maximum). */
    @PreAuthorize("isAuthenticated()")
    public int maxValidDays() {
        return settings.maxDays();
    }

    /** Creates a token for the signed-in person; the secret in the answer is never shown again. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public IssuedApiToken create(String name, Set<ApiTokenScope> chosen, int validDays) {
        CrowdLensUser me = currentUser.require();
        String cleanName = validName(name);
        if (chosen == null || chosen.isEmpty()) {
            throw new ApiTokenException("Choose at least one dataset the token may read.");
        }
        Set<ApiTokenScope> allowed = scopes.availableTo(me);
        if (!allowed.containsAll(chosen)) {
            Set<ApiTokenScope> refused = EnumSet.copyOf(chosen);
            refused.removeAll(allowed);
            audit.record(me.username(), me.organisationId(), AuditAction.API_TOKEN, AuditOutcome.DENIED,
                    "refused: create API token with scopes " + refused);
            throw new ApiTokenException(allowed.isEmpty() ? "Your licences and role allow no API tokens."
                    : "A token may only read what you may: " + labels(allowed) + ".");
        }
        if (validDays < 1 || validDays > settings.maxDays()) {
            throw new ApiTokenException("A token may be valid for 1 to " + settings.maxDays() + " days.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int active = db.fetchCount(API_TOKEN, API_TOKEN.USER_ID.eq(me.id()).and(active(now)));
        if (active >= settings.maxActivePerUser()) {
            throw new ApiTokenException("You already have " + active + " active tokens, the most allowed. Revoke one "
                    + "you no longer use first.");
        }
        String secret = ApiTokenSecrets.newSecret();
        OffsetDateTime expires = now.plusDays(validDays);
        long id = db.insertInto(API_TOKEN)
                .set(API_TOKEN.USER_ID, me.id())
                .set(API_TOKEN.NAME, cleanName)
                .set(API_TOKEN.SECRET_DIGEST, ApiTokenSecrets.digest(secret))
                .set(API_TOKEN.SECRET_HINT, ApiTokenSecrets.hint(secret))
                .set(API_TOKEN.CREATED_AT, now)
                .set(API_TOKEN.EXPIRES_AT, expires)
                .returningResult(API_TOKEN.ID).fetchSingle().value1();
        for (ApiTokenScope scope : chosen) {
            db.insertInto(API_TOKEN_SCOPE).set(API_TOKEN_SCOPE.TOKEN_ID, id).set(API_TOKEN_SCOPE.SCOPE, scope.name())
                    .execute();
        }
        audit.record(me.username(), me.organisationId(), AuditAction.API_TOKEN, AuditOutcome.SUCCESS,
                "created API token " + id + " \"" + cleanName + "\" for " + labels(chosen) + ", valid until "
                        + WHEN.format(expires));
        return new IssuedApiToken(find(API_TOKEN.ID.eq(id)).getFirst(), secret);
    }

    /** The signed-in person's own tokens, newest first, revoked and expired ones included. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ApiTokenSummary> mine() {
        return find(API_TOKEN.USER_ID.eq(currentUser.require().id()));
    }

    /** An organisation's tokens, newest first: account managers any organisation, partner admins their own. */
    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiTokenSummary> ofOrganisation(long organisationId) {
        CrowdLensUser me = currentUser.require();
        if (!me.has(Role.ACCOUNT_MANAGER) && me.organisationId() != organisationId) {
            audit.recordAbout(me.username(), me.organisationId(), organisationId, AuditAction.API_TOKEN,
                    AuditOutcome.DENIED, "refused: list API tokens of organisation " + organisationId);
            throw new AccessDeniedException("You may only see the API tokens of your own organisation.");
        }
        return find(APP_USER.ORGANISATION_ID.eq(organisationId));
    }

    /**
     * Revokes a token at once: its next request is refused. Its owner, a partner admin of the owner's
     * organisation, or an account manager may; to anyone else a token they may not touch does not exist.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void revoke(long tokenId) {
        CrowdLensUser me = currentUser.require();
        Optional<ApiTokenSummary> found = find(API_TOKEN.ID.eq(tokenId)).stream().findFirst();
        if (found.isEmpty() || !mayRevoke(me, found.get())) {
            audit.record(me.username(), me.organisationId(), AuditAction.API_TOKEN, AuditOutcome.DENIED,
                    "refused: revoke API token " + tokenId);
            throw new ApiTokenException("That token does not exist.");
        }
        ApiTokenSummary token = found.get();
        int changed = db.update(API_TOKEN)
                .set(API_TOKEN.REVOKED_AT, OffsetDateTime.now(clock))
                .set(API_TOKEN.REVOKED_BY, me.username())
                .where(API_TOKEN.ID.eq(tokenId)).and(API_TOKEN.REVOKED_AT.isNull())
                .execute();
        if (changed == 0) {
            return; // already revoked: nothing happened, nothing to record
        }
        String what = "revoked API token " + tokenId + " \"" + token.name() + "\"";
        if (token.userId() == me.id()) {
            audit.record(me.username(), me.organisationId(), AuditAction.API_TOKEN, AuditOutcome.SUCCESS, what);
        } else {
            audit.recordAbout(me.username(), me.organisationId(), token.organisationId(), AuditAction.API_TOKEN,
                    AuditOutcome.SUCCESS, what + " of " + token.username());
        }
    }

    private static boolean mayRevoke(CrowdLensUser me, ApiTokenSummary token) {
        return token.userId() == me.id()
                || me.has(Role.ACCOUNT_MANAGER)
                || (me.has(Role.PARTNER_ADMIN) && me.organisationId() == token.organisationId());
    }

    private static Condition active(OffsetDateTime now) {
        return API_TOKEN.REVOKED_AT.isNull().and(API_TOKEN.EXPIRES_AT.gt(now));
    }

    static String validName(String name) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty() || clean.length() > MAX_NAME || clean.chars().anyMatch(Character::isISOControl)) {
            throw new ApiTokenException("Give the token a name of up to " + MAX_NAME
                    + " characters, such as the notebook or tool that will use it.");
        }
        return clean;
    }

    private static String labels(Set<ApiTokenScope> scopes) {
        return scopes.stream().sorted().map(ApiTokenScope::label).collect(Collectors.joining(", "));
    }

    private List<ApiTokenSummary> find(Condition which) {
        return selectTokens()
                .where(which)
                .orderBy(API_TOKEN.CREATED_AT.desc(), API_TOKEN.ID.desc())
                .limit(MAX_LISTED)
                .fetch(ApiTokens::toSummary);
    }

    private SelectOnConditionStep<? extends Record> selectTokens() {
        return db.select(API_TOKEN.ID, API_TOKEN.USER_ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME,
                        APP_USER.ORGANISATION_ID, API_TOKEN.NAME,
                        multiset(select(API_TOKEN_SCOPE.SCOPE).from(API_TOKEN_SCOPE)
                                .where(API_TOKEN_SCOPE.TOKEN_ID.eq(API_TOKEN.ID)))
                                .convertFrom(r -> r.map(s -> ApiTokenScope.valueOf(s.value1()))).as("scopes"),
                        API_TOKEN.SECRET_HINT, API_TOKEN.CREATED_AT, API_TOKEN.EXPIRES_AT, API_TOKEN.LAST_USED_AT,
                        API_TOKEN.REVOKED_AT, API_TOKEN.REVOKED_BY)
                .from(API_TOKEN)
                .join(APP_USER).on(APP_USER.ID.eq(API_TOKEN.USER_ID));
    }

    @SuppressWarnings("unchecked")
    private static ApiTokenSummary toSummary(Record r) {
        List<ApiTokenScope> scopes = (List<ApiTokenScope>) r.get("scopes");
        return new ApiTokenSummary(r.get(API_TOKEN.ID), r.get(API_TOKEN.USER_ID), r.get(APP_USER.USERNAME),
                r.get(APP_USER.DISPLAY_NAME), r.get(APP_USER.ORGANISATION_ID), r.get(API_TOKEN.NAME),
                scopes.isEmpty() ? Set.of() : EnumSet.copyOf(scopes), r.get(API_TOKEN.SECRET_HINT),
                r.get(API_TOKEN.CREATED_AT), r.get(API_TOKEN.EXPIRES_AT), r.get(API_TOKEN.LAST_USED_AT),
                r.get(API_TOKEN.REVOKED_AT), r.get(API_TOKEN.REVOKED_BY));
    }
}
