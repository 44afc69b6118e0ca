package io.crowdlens.testing;

import io.crowdlens.security.CrowdLensUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Signs a test in as a user. Services read the Spring context's own strategy bean; Vaadin's test
 * environment reads the global holder. In production they are one object; with several cached test
 * contexts in one JVM the global one belongs to whichever context started last, so set both.
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static void as(CrowdLensUser user, SecurityContextHolderStrategy contextStrategy) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        contextStrategy.getContext().setAuthentication(authentication);
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    public static void out(SecurityContextHolderStrategy contextStrategy) {
        contextStrategy.clearContext();
        SecurityContextHolder.clearContext();
    }
}
