package io.crowdlens.api;

import io.crowdlens.security.ApiTokenAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The limits every token-authenticated API request runs under: the token's rate limit (429 with
 * Retry-After in whole seconds when over it) and the request's time limit ({@link ApiDeadline}).
 */
class ApiLimitsFilter extends OncePerRequestFilter {

    private final ApiRateLimits rateLimits;
    private final SecurityContextHolderStrategy securityContext;
    private final ApiSettings settings;

    ApiLimitsFilter(ApiRateLimits rateLimits, SecurityContextHolderStrategy securityContext, ApiSettings settings) {
        this.rateLimits = rateLimits;
        this.securityContext = securityContext;
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = securityContext.getContext().getAuthentication();
        if (!(authentication instanceof ApiTokenAuthentication token)) {
            chain.doFilter(request, response);
            return;
        }
        OptionalLong wait = rateLimits.acquire(token.token().id());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.getAsLong() + 999_999_999L) / 1_000_000_000L);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            ApiProblems.write(request, response, ApiProblem.RATE_LIMITED, "This token may make " + settings.rateLimit()
                    + " requests per " + describe(settings.ratePeriod()) + "; try again in " + seconds + " s.");
            return;
        }
        ApiDeadline.start(settings.requestTimeout());
        try {
            chain.doFilter(request, response);
        } finally {
            ApiDeadline.end();
        }
    }

    static String describe(Duration period) {
        if (period.toMillis() % 1000 != 0) {
            return period.toMillis() + " ms";
        }
        long seconds = period.toSeconds();
        return seconds == 1 ? "second" : seconds % 60 == 0 ? (seconds / 60 == 1 ? "minute" : seconds / 60 + " minutes")
                : seconds + " seconds";
    }
}
