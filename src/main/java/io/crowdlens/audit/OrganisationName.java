package io.crowdlens.audit;

/** An organisation to filter the audit trail by. */
public record OrganisationName(long id, String name) {
}
