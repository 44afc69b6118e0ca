package io.crowdlens.presence;

/** The selection would show no figure of at least k devices: refused, with how to widen it. */
public class SelectionBlockedException extends RuntimeException {

    public SelectionBlockedException(int k) {
        super("Too few people in this selection to show any area (every figure must count at least " + k
                + " devices): widen the time window, add hours or days, or choose a coarser layer.");
    }
}
