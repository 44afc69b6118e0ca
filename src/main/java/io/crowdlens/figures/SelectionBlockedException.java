package io.crowdlens.figures;

/**
 * A selection that would show no figure at the partner's k: refused, with how to widen it
 * (docs/privacy.md, rule 3: "too few people in this selection").
 */
public class SelectionBlockedException extends RuntimeException {

    private final int minimumCrowd;

    public SelectionBlockedException(int minimumCrowd, String advice) {
        super("Too few people in this selection: " + advice + " (every figure shown counts at least "
                + minimumCrowd + " devices).");
        this.minimumCrowd = minimumCrowd;
    }

    public int minimumCrowd() {
        return minimumCrowd;
    }
}
