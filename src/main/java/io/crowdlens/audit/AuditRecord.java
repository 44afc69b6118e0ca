package io.crowdlens.audit;

import java.time.OffsetDateTime;

/** One audit record as the audit view and its CSV show it. */
public record AuditRecord(long id, OffsetDateTime occurredAt, String actor, String organisationName,
        String subjectOrganisationName, String action, String outcome, String detail, Integer figuresReturned,
        Integer figuresSuppressed, String clientAddress) {
}
