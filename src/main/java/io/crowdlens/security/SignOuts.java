package io.crowdlens.security;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Audits every sign-out a user asks for (sessions ended by the server are audited where they end). */
@Component
class SignOuts {

    private final AuditLog audit;

    SignOuts(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    public void signedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof CrowdLensUser user) {
            String address = event.getAuthentication().getDetails() instanceof SignInDetails d ? d.clientAddress() : null;
            audit.recordAccess(user.username(), user.organisationId(), AuditAction.SIGN_OUT, AuditOutcome.SUCCESS,
                    "signed out", address);
        }
    }
}
