package io.crowdlens.security;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The user behind the current request, for services that scope their answers to the caller. Reads
 * the same security-context strategy that method security uses (Vaadin's session-aware one in the
 * portal, the plain thread-local one on the command line), so the two can never disagree.
 */
@Component
public class CurrentUser {

    private final SecurityContextHolderStrategy securityContext;

    public CurrentUser(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.securityContext = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Optional<CrowdLensUser> find() {
        Authentication auth = securityContext.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CrowdLensUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public CrowdLensUser require() {
        return find().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }
}
