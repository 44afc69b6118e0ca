package io.crowdlens.security;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.security.ApiTokenCheck.Refused;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * One audit record per request made with an API token (who, which token, what was asked, the status
 * it got, from where), and one per request refused for its token (with the reason, which the client
 * is not told). Figures a request returns are audited by the query services as well, as for the portal.
 */
@Component
public class ApiTokenUseAudit {

    static final int MAX_QUERY = 500;

    private final AuditLog audit;
    private final ClientAddresses addresses;

    public ApiTokenUseAudit(AuditLog audit, ClientAddresses addresses) {
        this.audit = audit;
        this.addresses = addresses;
    }

    public void used(HttpServletRequest request, int status, ApiTokenAuthentication authentication) {
        CrowdLensUser user = authentication.user();
        ApiTokenIdentity token = authentication.token();
        audit.recordAccess(user.username(), user.organisationId(), AuditAction.API_REQUEST, outcomeOf(status),
                describe(request) + " -> " + status + " (token " + token.id() + " \"" + token.name() + "\")",
                addresses.of(request));
    }

    public void refused(HttpServletRequest request, Refused refused) {
        audit.recordAccess(refused.username(), refused.organisationId(), AuditAction.API_REQUEST, AuditOutcome.DENIED,
                describe(request) + " -> 401 refused: " + refused.reason().description()
                        + (refused.tokenId() == null ? "" : " (token " + refused.tokenId() + ")"),
                addresses.of(request));
    }

    static AuditOutcome outcomeOf(int status) {
        if (status < 400) {
            return AuditOutcome.SUCCESS;
        }
        if (status == 401 || status == 403 || status == 429) {
            return AuditOutcome.DENIED;
        }
        return status == 422 ? AuditOutcome.BLOCKED : AuditOutcome.FAILURE;
    }

    /** The method, path and (bounded) query string: untrusted input, stored as data, control characters replaced. */
    static String describe(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY) + "...";
        }
        String line = request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query);
        return line.replaceAll("\\p{Cntrl}", "?");
    }
}
