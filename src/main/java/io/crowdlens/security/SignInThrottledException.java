package io.crowdlens.security;

import java.time.Instant;
import org.springframework.security.authentication.AccountStatusException;

/**
 * Refused before any password was checked: too many recent failures for this name from this client
 * address, or from this address altogether. Carries when the person may try again.
 */
public class SignInThrottledException extends AccountStatusException {

    private final Instant retryAfter;

    public SignInThrottledException(String message, Instant retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Instant retryAfter() {
        return retryAfter;
    }
}
