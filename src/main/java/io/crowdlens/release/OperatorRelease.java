package io.crowdlens.release;

/**
 * A release as data operators see it: its summary plus the exact input counts and timings that
 * partners never see (docs/privacy.md, rule 5), its run's data-quality report, why it is held for review
 * (null when its checks passed) and who approved it after review.
 */
public record OperatorRelease(ReleaseSummary summary, String dropId, long rowsRead, long rowsAccepted,
        long rowsRejected, long rowsOptedOut, long publishedFigures, long hiddenFigures, String engine,
        String withdrawnReason, String heldReasons, String qualityReport, String approvedBy) {

    public boolean awaitingReview() {
        return summary.status().equals("AWAITING_REVIEW");
    }
}
