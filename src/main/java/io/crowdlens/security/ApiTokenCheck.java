package io.crowdlens.security;

/** The answer to "may this secret be used now?": an authentication, or why not (for the audit trail only). */
public sealed interface ApiTokenCheck {

    record Accepted(ApiTokenAuthentication authentication) implements ApiTokenCheck {
    }

    /**
     * @param username the token's user when the secret matched a token, else null
     * @param organisationId that user's organisation, else null
     * @param tokenId the token, when the secret matched one
     */
    record Refused(Reason reason, String username, Long organisationId, Long tokenId) implements ApiTokenCheck {

        static Refused unknown(Reason reason) {
            return new Refused(reason, null, null, null);
        }
    }

    /** Why a token was refused. The client is never told (every refusal looks the same); the audit trail is. */
    enum Reason {
        MALFORMED("not a bearer token"),
        UNKNOWN("unknown token"),
        EXPIRED("token expired"),
        REVOKED("token revoked"),
        USER_INACTIVE("user disabled or organisation suspended"),
        USER_LOCKED("user locked"),
        NOTHING_LICENSED("no licence or role covers any of the token's scopes any more");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
