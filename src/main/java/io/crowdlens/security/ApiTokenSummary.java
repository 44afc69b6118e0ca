package io.crowdlens.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * One API token as its owner and their administrators see it: never the secret, only its first
 * characters ({@code hint}) so that a person can tell their tokens apart.
 *
 * @param revokedBy who revoked it (the owner, a partner admin or an account manager), or null
 */
public record ApiTokenSummary(
        long id,
        long userId,
        String username,
        String displayName,
        long organisationId,
        String name,
        Set<ApiTokenScope> scopes,
        String hint,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        OffsetDateTime lastUsedAt,
        OffsetDateTime revokedAt,
        String revokedBy) {

    public ApiTokenSummary {
        scopes = Set.copyOf(scopes);
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt.toInstant().isAfter(now) ? Status.ACTIVE : Status.EXPIRED;
    }

    public enum Status {
        ACTIVE("Active"), EXPIRED("Expired"), REVOKED("Revoked");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
