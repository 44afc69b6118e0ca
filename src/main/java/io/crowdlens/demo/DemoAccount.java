package io.crowdlens.demo;

import io.crowdlens.security.Role;
import java.util.Set;

/**
 * A demo login and the password generated for it at this start.
 *
 * @param totpSecret for accounts whose role requires two-factor: the authenticator secret enrolled
 *        for them at this start (base32), else null
 */
public record DemoAccount(String username, String displayName, String organisation, Set<Role> roles,
        String password, String totpSecret) {

    public DemoAccount(String username, String displayName, String organisation, Set<Role> roles, String password) {
        this(username, displayName, organisation, roles, password, null);
    }

    /** Never print the password by accident; {@link DemoLogins} prints it once, on purpose. */
    @Override
    public String toString() {
        return "DemoAccount[" + username + ", " + roles + "]";
    }
}
