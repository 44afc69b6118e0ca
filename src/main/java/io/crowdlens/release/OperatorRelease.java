package io.crowdlens.release;

/**
 * A release as data operators see it: its summary plus the exact input counts and timings that
 * partners never see (docs/privacy.md, rule 5).
 */
public record OperatorRelease(ReleaseSummary summary, String dropId, long rowsRead, long rowsAccepted,
        long rowsRejected, long rowsOptedOut, long publishedFigures, long hiddenFigures, String engine,
        String withdrawnReason) {
}
