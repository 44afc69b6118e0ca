package io.crowdlens.security;

import io.crowdlens.security.ApiTokenCheck.Accepted;
import io.crowdlens.security.ApiTokenCheck.Reason;
import io.crowdlens.security.ApiTokenCheck.Refused;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on a stateless filter chain (the partner API,
 * the metrics endpoint). No header: the request goes on anonymous and the chain's rules decide. Any
 * other header, or a token that is unknown, expired, revoked or whose user, organisation or licence
 * has stopped: the entry point answers (the same answer whatever the reason) and the audit trail
 * records why. No authentication event is published, so nothing here counts towards a person's
 * sign-in lockout or their address's sign-in throttle.
 */
public class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenAuthenticator authenticator;
    private final SecurityContextHolderStrategy securityContext;
    private final AuthenticationEntryPoint refusal;
    private final ApiTokenUseAudit audit;

    public ApiTokenAuthenticationFilter(ApiTokenAuthenticator authenticator,
            SecurityContextHolderStrategy securityContext, AuthenticationEntryPoint refusal, ApiTokenUseAudit audit) {
        this.authenticator = authenticator;
        this.securityContext = securityContext;
        this.refusal = refusal;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        String secret = bearerSecret(header);
        ApiTokenCheck check = secret == null ? Refused.unknown(Reason.MALFORMED) : authenticator.check(secret);
        if (check instanceof Refused refused) {
            securityContext.clearContext();
            audit.refused(request, refused);
            refusal.commence(request, response, new BadCredentialsException("API token refused"));
            return;
        }
        ApiTokenAuthentication authentication = ((Accepted) check).authentication();
        SecurityContext context = securityContext.createEmptyContext();
        context.setAuthentication(authentication);
        securityContext.setContext(context);
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            audit.used(request, status, authentication);
        }
    }

    /** The token of {@code Bearer <token>} (RFC 6750; the scheme is case-insensitive), else null. */
    static String bearerSecret(String header) {
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
