package io.crowdlens.security;

/** A refused account-security change, with a message meant for the person making it. */
public class AccountSecurityException extends RuntimeException {

    public AccountSecurityException(String message) {
        super(message);
    }
}
