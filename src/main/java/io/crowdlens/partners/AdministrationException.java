package io.crowdlens.partners;

/** An administrative change refused for a reason the administrator can fix; the message says how. */
public class AdministrationException extends RuntimeException {

    public AdministrationException(String message) {
        super(message);
    }
}
