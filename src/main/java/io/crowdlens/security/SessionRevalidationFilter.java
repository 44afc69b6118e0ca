package io.crowdlens.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in account on every request, so that disabling a user, locking them or
 * suspending their organisation ends open sessions at the very next request, not at the next
 * sign-in. Changed roles are picked up the same way. One indexed lookup per request.
 */
public class SessionRevalidationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionRevalidationFilter.class);

    private final UserAccounts accounts;

    public SessionRevalidationFilter(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CrowdLensUser signedIn) {
            Optional<CrowdLensUser> current = accounts.findByUsername(signedIn.username());
            if (current.isEmpty() || !current.get().isEnabled() || !current.get().isAccountNonLocked()
                    || !current.get().roles().equals(signedIn.roles())) {
                log.info("Ending session of {}: account disabled, locked, suspended or changed", signedIn.username());
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
