package io.crowdlens.api;

import io.crowdlens.common.Dataset;
import io.crowdlens.security.ApiTokenAuthentication;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** The token behind the current API request, for endpoints that answer for "your datasets". */
@Component
class ApiCaller {

    private final SecurityContextHolderStrategy securityContext;

    ApiCaller(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.securityContext = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    ApiTokenAuthentication token() {
        if (securityContext.getContext().getAuthentication() instanceof ApiTokenAuthentication token) {
            return token;
        }
        throw new ApiProblemException(ApiProblem.UNAUTHORIZED, ApiAuthenticationEntryPoint.DETAIL);
    }

    /** The datasets the token may read (its scopes that the user's licences still cover). */
    Set<Dataset> datasets() {
        Set<Dataset> datasets = EnumSet.noneOf(Dataset.class);
        token().token().scopes().forEach(s -> s.dataset().ifPresent(datasets::add));
        return datasets;
    }
}
