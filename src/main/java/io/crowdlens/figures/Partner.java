package io.crowdlens.figures;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.licensing.LicenceScope;
import io.crowdlens.privacy.Cells;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.release.ReleaseNoise;
import io.crowdlens.release.ReleaseSummary;
import io.crowdlens.security.CrowdLensUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * One partner's question as the gate prepared it: the licence scope, the served release, the
 * partner's k (its licence's, never below the release's) and the release's noise. Questions read
 * figures through {@link #cells}, so each stored figure is checked against this k before it is used,
 * and refuse through {@link #refuse}, so every refusal is audited the same way.
 */
public final class Partner {

    private final CrowdLensUser user;
    private final LicenceScope scope;
    private final ReleaseSummary release;
    private final ReleaseNoise noise;
    private final AuditAction action;
    private final AuditLog audit;

    Partner(CrowdLensUser user, LicenceScope scope, ReleaseSummary release, ReleaseNoise noise, AuditAction action,
            AuditLog audit) {
        this.user = user;
        this.scope = scope;
        this.release = release;
        this.noise = noise;
        this.action = action;
        this.audit = audit;
    }

    public CrowdLensUser user() {
        return user;
    }

    public LicenceScope scope() {
        return scope;
    }

    public ReleaseSummary release() {
        return release;
    }

    /** The partner's minimum crowd for this release: its licence's k, never below the release's. */
    public int k() {
        return Math.max(scope.minimumCrowd(), release.minimumCrowd());
    }

    public ReleaseNoise noise() {
        return noise;
    }

    /** The stored figures of one family as this partner may use them. */
    public Cells cells(FigureFamily family) {
        ReleaseNoise.Family f = noise.of(family);
        return new Cells(k(), f.variance(), f.margin95());
    }

    /**
     * Refuses the question (outside the licence), audited as DENIED. The message must not say whether
     * what was asked for exists elsewhere.
     */
    public AccessDeniedException refuse(String what, String message) {
        audit.record(user.username(), scope.organisationId(), action, AuditOutcome.DENIED, what);
        return new AccessDeniedException(message);
    }
}
