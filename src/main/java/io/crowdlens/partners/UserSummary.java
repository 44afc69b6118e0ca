package io.crowdlens.partners;

import io.crowdlens.security.Role;
import java.time.OffsetDateTime;
import java.util.Set;

/** One row of a user list, for an account manager (any organisation) or a partner admin (their own). */
public record UserSummary(long id, long organisationId, String organisationName, String username,
        String displayName, Set<Role> roles, boolean enabled, boolean locked, boolean activated,
        boolean twoFactorEnabled, OffsetDateTime lastSignIn) {

    public String status() {
        if (!enabled) {
            return "Disabled";
        }
        if (locked) {
            return "Locked";
        }
        return activated ? "Active" : "Invited";
    }
}
