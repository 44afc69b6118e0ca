package io.crowdlens.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Receives the second sign-in step: {@code POST /login/second-factor} with {@code code} (and the
 * CSRF token, checked before this filter). A plain form post, like the password step, so it works
 * the same from the browser and from a script or test.
 */
public class SecondFactorFilter extends OncePerRequestFilter {

    public static final String PATH = "/login/second-factor";

    private final TwoStepSignIn twoStep;
    private final AuthenticationSuccessHandler signedIn;

    /** @param signedIn where a completed sign-in goes next (the page first asked for, or home) */
    public SecondFactorFilter(TwoStepSignIn twoStep, AuthenticationSuccessHandler signedIn) {
        this.twoStep = twoStep;
        this.signedIn = signedIn;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + PATH).equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String code = request.getParameter("code");
        String base = request.getContextPath();
        switch (twoStep.verify(request, response, code == null ? "" : code.trim())) {
            case SIGNED_IN -> signedIn.onAuthenticationSuccess(request, response, twoStep.currentAuthentication());
            case ENROLLED -> response.sendRedirect(base + "/account/recovery-codes");
            case WRONG_CODE -> response.sendRedirect(base + PATH + "?error");
            // the password was right: a lock is told as such (decision 032); a pause stays generic here
            case LOCKED -> response.sendRedirect(base + "/login?locked");
            case THROTTLED -> response.sendRedirect(base + "/login?error");
            case EXPIRED -> response.sendRedirect(base + "/login?expired");
        }
    }
}
