package io.crowdlens.audit;

/** What an audit record is about. Stored by name: only ever add constants. */
public enum AuditAction {
    SIGN_IN,
    SIGN_OUT,
    ACCOUNT_LOCKED,
    ACCESS_DENIED,
    QUERY,
    EXPORT,
    ADMIN_CHANGE,
    RELEASE_PUBLISHED,
    DEMO_SEEDED,
    /** A user's own security settings: password set or changed, two-factor enrolled or removed, recovery codes renewed. */
    ACCOUNT_SECURITY,
    /** A personal API token created or revoked. */
    API_TOKEN,
    /** One request to the partner API or the metrics endpoint with an API token, or one refused for its token. */
    API_REQUEST,
    /** An operator raised a period's privacy budget cap (docs/privacy.md, "The accountant"). */
    PRIVACY_CAP_RAISED,
    /** An operator withdrew a served release; what is served instead honours the current opt-out list. */
    RELEASE_WITHDRAWN
}
