package io.crowdlens.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The user behind the current request, for services that scope their answers to the caller. */
@Component
public class CurrentUser {

    public Optional<CrowdLensUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CrowdLensUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public CrowdLensUser require() {
        return find().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }
}
