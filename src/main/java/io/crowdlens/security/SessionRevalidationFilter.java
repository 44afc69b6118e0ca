package io.crowdlens.security;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in account on every request, so that disabling a user, locking them,
 * suspending their organisation, changing their roles, or their "sign out everywhere" (or password
 * change) ends open sessions at the very next request, not at the next sign-in. Also ends sessions
 * older than the maximum lifetime, however active. One indexed lookup per request. Every ending is
 * audited as a sign-out with its reason.
 */
public class SessionRevalidationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionRevalidationFilter.class);

    private final UserAccounts accounts;
    private final AuditLog audit;
    private final Duration maxLifetime;
    private final Clock clock;

    public SessionRevalidationFilter(UserAccounts accounts, AuditLog audit, Duration maxLifetime, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CrowdLensUser signedIn) {
            HttpSession session = request.getSession(false);
            String reason = reasonToEnd(signedIn, session);
            if (reason != null) {
                log.info("Ending session of {}: {}", signedIn.username(), reason);
                audit.recordAccess(signedIn.username(), signedIn.organisationId(), AuditAction.SIGN_OUT,
                        AuditOutcome.SUCCESS, "session ended: " + reason, null);
                SecurityContextHolder.clearContext();
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }

    private String reasonToEnd(CrowdLensUser signedIn, HttpSession session) {
        Optional<CrowdLensUser> current = accounts.findByUsername(signedIn.username());
        if (current.isEmpty() || current.get().id() != signedIn.id()) {
            return "account no longer exists";
        }
        CrowdLensUser now = current.get();
        if (!now.isEnabled()) {
            return "account disabled or organisation suspended";
        }
        if (!now.isAccountNonLocked()) {
            return "account locked";
        }
        if (!now.roles().equals(signedIn.roles())) {
            return "roles changed";
        }
        if (now.sessionGeneration() != signedIn.sessionGeneration()) {
            return "signed out everywhere or password changed";
        }
        if (session != null && session.getAttribute(TwoStepSignIn.SIGNED_IN_AT) instanceof Instant at
                && at.plus(maxLifetime).isBefore(clock.instant())) {
            return "maximum session lifetime of " + maxLifetime.toHours() + " h reached";
        }
        return null;
    }
}
