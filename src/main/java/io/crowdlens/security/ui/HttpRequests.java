package io.crowdlens.security.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.web.csrf.CsrfToken;

/** The servlet request behind the current Vaadin request, for the sign-in steps that live in the HTTP session. */
final class HttpRequests {

    private HttpRequests() {
    }

    static Optional<HttpServletRequest> current() {
        return VaadinRequest.getCurrent() instanceof VaadinServletRequest request
                ? Optional.of(request.getHttpServletRequest()) : Optional.empty();
    }

    static HttpSession session() {
        return current().map(r -> r.getSession(false)).orElse(null);
    }

    static String contextPath() {
        return current().map(HttpServletRequest::getContextPath).orElse("");
    }

    /** The CSRF token a plain form post must carry. */
    static String csrfToken() {
        return current().map(r -> r.getAttribute(CsrfToken.class.getName()))
                .filter(CsrfToken.class::isInstance).map(t -> ((CsrfToken) t).getToken()).orElse("");
    }
}
