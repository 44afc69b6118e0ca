package io.crowdlens.security;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * The token a request was authenticated with.
 *
 * @param scopes what it may be used for in this request: its chosen scopes that its user's current
 *        licences and roles still cover
 */
public record ApiTokenIdentity(long id, String name, Set<ApiTokenScope> scopes, OffsetDateTime expiresAt) {

    public ApiTokenIdentity {
        scopes = Set.copyOf(scopes);
    }
}
