package io.crowdlens.visits;

/** The selection would show no figure of at least k visitors: refused, with how to widen it. */
public class VisitsBlockedException extends RuntimeException {

    public VisitsBlockedException(int k, String what) {
        super("Too few visitors in this selection to show any " + what + " (every figure must count at least " + k
                + " devices): widen the period, or choose a busier site.");
    }
}
