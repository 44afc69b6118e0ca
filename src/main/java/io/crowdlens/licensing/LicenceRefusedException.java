package io.crowdlens.licensing;

/** A licence change refused for a reason the account manager can fix; the message says how. */
public class LicenceRefusedException extends RuntimeException {

    public LicenceRefusedException(String message) {
        super(message);
    }
}
