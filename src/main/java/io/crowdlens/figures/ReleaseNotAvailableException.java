package io.crowdlens.figures;

/**
 * A pinned release that may not be used: unknown, withdrawn, of another dataset, or no longer honouring
 * the opt-out list. One message for all, so nothing is learnt about which.
 */
public class ReleaseNotAvailableException extends RuntimeException {

    public ReleaseNotAvailableException() {
        super("That release is not available: name a published or superseded release of this dataset.");
    }
}
