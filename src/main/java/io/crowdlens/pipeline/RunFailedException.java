package io.crowdlens.pipeline;

/** A run that published nothing; the message says why in one line. */
public class RunFailedException extends RuntimeException {

    public RunFailedException(String message) {
        super(message);
    }

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
