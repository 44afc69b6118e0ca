package io.crowdlens.ui;

import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import io.crowdlens.security.CrowdLensUser;
import io.crowdlens.security.SecondFactorFilter;
import io.crowdlens.security.TwoStepSignIn;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Vaadin's success handler (back to the page first asked for), with a second step in between for
 * accounts that owe a second factor: those go to the second-factor page instead, still signed out.
 */
class TwoStepSuccessHandler extends VaadinSavedRequestAwareAuthenticationSuccessHandler {

    private final TwoStepSignIn twoStep;

    TwoStepSuccessHandler(TwoStepSignIn twoStep, RequestCache requestCache) {
        this.twoStep = twoStep;
        setDefaultTargetUrl("/");
        setRequestCache(requestCache);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof CrowdLensUser user && twoStep.owesSecondFactor(user)) {
            twoStep.awaitSecondFactor(request, response, user);
            response.sendRedirect(request.getContextPath() + SecondFactorFilter.PATH);
            return;
        }
        if (authentication.getPrincipal() instanceof CrowdLensUser user) {
            twoStep.passwordSufficed(request, user);
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    /** Where a sign-in goes once its second factor is checked: the saved request, or home. */
    AuthenticationSuccessHandler afterSecondFactor() {
        return (request, response, authentication) -> super.onAuthenticationSuccess(request, response, authentication);
    }
}
