package io.crowdlens.audit;

public enum AuditOutcome {
    SUCCESS,
    /** Refused by authorisation or licence scope. */
    DENIED,
    /** Refused by the privacy rules (too few people in the selection). */
    BLOCKED,
    FAILURE
}
