package io.crowdlens.demo;

import io.crowdlens.security.Role;
import java.util.Set;

/** A demo login and the password generated for it at this start. */
public record DemoAccount(String username, String displayName, String organisation, Set<Role> roles,
        String password) {

    /** Never print the password by accident; {@link DemoLogins} prints it once, on purpose. */
    @Override
    public String toString() {
        return "DemoAccount[" + username + ", " + roles + "]";
    }
}
