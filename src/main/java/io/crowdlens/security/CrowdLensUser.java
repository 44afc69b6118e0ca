package io.crowdlens.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in principal: who, in which organisation, with which roles.
 *
 * @param twoFactorEnabled whether the account has a confirmed authenticator (TOTP)
 * @param sessionGeneration the account's session generation when this principal was loaded; a
 *        session whose principal is of an older generation has been signed out everywhere
 */
public record CrowdLensUser(
        long id,
        String username,
        String displayName,
        long organisationId,
        String organisationName,
        Set<Role> roles,
        String passwordHash,
        boolean enabled,
        boolean locked,
        boolean twoFactorEnabled,
        int sessionGeneration) implements UserDetails {

    public CrowdLensUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** A principal without two-factor, of the first session generation (tests and fixtures). */
    public CrowdLensUser(long id, String username, String displayName, long organisationId, String organisationName,
            Set<Role> roles, String passwordHash, boolean enabled, boolean locked) {
        this(id, username, displayName, organisationId, organisationName, roles, passwordHash, enabled, locked, false, 0);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isOperatorStaff() {
        return roles.stream().anyMatch(Role::isOperatorStaff);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Keeps the hash out of logs and error messages. */
    @Override
    public String toString() {
        return "CrowdLensUser[" + username + ", org=" + organisationId + ", roles=" + roles + "]";
    }
}
