package io.crowdlens.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The scopes a person's tokens may carry right now: their organisation's licensed datasets (for
 * partner roles) and metrics (for data operators). Asked when a token is created and again at every
 * request, so a token narrows with its user's licences and roles, and stops when nothing is left.
 */
@Component
class ApiTokenScopes {

    private final LicensedDatasets licensed;

    ApiTokenScopes(LicensedDatasets licensed) {
        this.licensed = licensed;
    }

    Set<ApiTokenScope> availableTo(CrowdLensUser user) {
        Set<ApiTokenScope> scopes = EnumSet.noneOf(ApiTokenScope.class);
        if (user.has(Role.PARTNER_ANALYST) || user.has(Role.PARTNER_ADMIN)) {
            licensed.activeFor(user.organisationId()).forEach(d -> scopes.add(ApiTokenScope.of(d)));
        }
        if (user.has(Role.DATA_OPERATOR)) {
            scopes.add(ApiTokenScope.METRICS);
        }
        return scopes;
    }
}
