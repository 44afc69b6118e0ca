package io.crowdlens.partners;

import io.crowdlens.security.Role;
import java.time.OffsetDateTime;
import java.util.Set;

/** A user of the caller's own organisation, as a partner admin sees them. */
public record TeamMember(long id, String username, String displayName, Set<Role> roles, boolean enabled,
        boolean locked, OffsetDateTime lastSignIn) {
}
