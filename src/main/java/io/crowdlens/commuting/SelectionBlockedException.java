package io.crowdlens.commuting;

/** The selection would show no commuting figure of at least k devices: refused, with how to widen it. */
public class SelectionBlockedException extends RuntimeException {

    public SelectionBlockedException(String message) {
        super(message);
    }
}
