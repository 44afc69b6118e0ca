package io.crowdlens.security;

import org.springframework.security.authentication.AccountStatusException;

/** Refused before any password was checked: too many recent failures from this client address. */
public class SignInThrottledException extends AccountStatusException {

    public SignInThrottledException(String message) {
        super(message);
    }
}
