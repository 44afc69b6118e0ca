package io.crowdlens.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The one 401 of the partner API, for a missing, malformed, unknown, expired or revoked token, or
 * one whose user, organisation or licence has stopped: the same body and header whatever the reason,
 * so a caller learns nothing about which tokens exist. The audit trail records the reason.
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String DETAIL = "Send a valid API token: Authorization: Bearer <token>. Tokens are created on "
            + "your account page in the portal.";
    static final String CHALLENGE = "Bearer realm=\"CrowdLens API\"";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        ApiProblems.write(request, response, ApiProblem.UNAUTHORIZED, DETAIL);
    }
}
