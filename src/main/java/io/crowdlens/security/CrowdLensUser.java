package io.crowdlens.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in principal: who, in which organisation, with which roles. */
public record CrowdLensUser(
        long id,
        String username,
        String displayName,
        long organisationId,
        String organisationName,
        Set<Role> roles,
        String passwordHash,
        boolean enabled,
        boolean locked) implements UserDetails {

    public CrowdLensUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
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
