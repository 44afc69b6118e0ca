package io.crowdlens.security;

import java.util.Optional;

/**
 * A hint shown on the second-factor page. Only demo mode provides one (the current code of a demo
 * account, whose password is printed on the console anyway); a real deployment has none.
 */
public interface SecondFactorHint {

    Optional<String> hintFor(String username);
}
