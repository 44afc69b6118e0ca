package io.crowdlens.security;

/** A token request refused for a reason the person can fix, or a token they may not touch; the message says which. */
public class ApiTokenException extends RuntimeException {

    public ApiTokenException(String message) {
        super(message);
    }
}
