package io.crowdlens.partners;

import io.crowdlens.security.Role;
import java.util.EnumSet;
import java.util.Set;

/** The operator runs CrowdLens; partners are its licensed customers. Each kind has its own roles. */
public enum OrganisationKind {
    OPERATOR("Operator", EnumSet.of(Role.ACCOUNT_MANAGER, Role.DATA_OPERATOR)),
    PARTNER("Partner", EnumSet.of(Role.PARTNER_ANALYST, Role.PARTNER_ADMIN));

    private final String label;
    private final Set<Role> roles;

    OrganisationKind(String label, Set<Role> roles) {
        this.label = label;
        this.roles = roles;
    }

    public String label() {
        return label;
    }

    /** The roles a user of this kind of organisation may hold. */
    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }
}
