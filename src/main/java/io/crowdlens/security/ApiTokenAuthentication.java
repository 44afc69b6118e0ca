package io.crowdlens.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated with an API token: it acts as the token's user ({@link CurrentUser} and
 * every {@code @PreAuthorize} see that user and their roles), narrowed to the token's scopes. The
 * secret is not kept.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final CrowdLensUser user;
    private final ApiTokenIdentity token;

    public ApiTokenAuthentication(CrowdLensUser user, ApiTokenIdentity token) {
        super(user.getAuthorities());
        this.user = user;
        this.token = token;
        setAuthenticated(true);
    }

    public ApiTokenIdentity token() {
        return token;
    }

    public CrowdLensUser user() {
        return user;
    }

    public boolean allows(ApiTokenScope scope) {
        return token.scopes().contains(scope);
    }

    @Override
    public CrowdLensUser getPrincipal() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiTokenAuthentication that && that.token.equals(token) && that.user.equals(user);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }
}
