package io.crowdlens.api;

import io.crowdlens.security.ApiTokenAuthentication;
import io.crowdlens.security.ApiTokenScope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A token only reads the datasets it was created for (and its user's licences still cover): an
 * endpoint marked {@link ReadsDataset} needs that dataset's scope, one marked {@link ReadsCatalogue}
 * any dataset scope (a metrics-only token reads nothing here). An endpoint marked with neither is
 * refused: fail closed, so a new endpoint cannot forget the check.
 */
class TokenScopeInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(TokenScopeInterceptor.class);

    private final SecurityContextHolderStrategy securityContext;

    TokenScopeInterceptor(SecurityContextHolderStrategy securityContext) {
        this.securityContext = securityContext;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // not an endpoint of ours (static resources are not served under /api/v1)
        }
        if (!(securityContext.getContext().getAuthentication() instanceof ApiTokenAuthentication token)) {
            throw new ApiProblemException(ApiProblem.UNAUTHORIZED, ApiAuthenticationEntryPoint.DETAIL);
        }
        ReadsDataset dataset = find(method, ReadsDataset.class);
        if (dataset != null) {
            if (!token.allows(ApiTokenScope.of(dataset.value()))) {
                throw new ApiProblemException(ApiProblem.FORBIDDEN, "This token does not read "
                        + dataset.value().label().toLowerCase(java.util.Locale.ROOT) + " data, or your licences no "
                        + "longer include it.");
            }
            return true;
        }
        if (find(method, ReadsCatalogue.class) != null) {
            if (token.token().scopes().stream().noneMatch(s -> s.dataset().isPresent())) {
                throw new ApiProblemException(ApiProblem.FORBIDDEN, "This token reads no dataset.");
            }
            return true;
        }
        log.error("API endpoint {} declares neither @ReadsDataset nor @ReadsCatalogue: refused", method);
        throw new ApiProblemException(ApiProblem.FORBIDDEN, "This endpoint is not open to API tokens.");
    }

    private static <A extends java.lang.annotation.Annotation> A find(HandlerMethod method, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type);
    }
}
