package io.crowdlens.audit;

import java.time.OffsetDateTime;

/**
 * How much one organisation used CrowdLens in a period, from the audit trail.
 *
 * @param queries answered queries (successful or blocked by the privacy rules)
 * @param lastActive the latest sign-in, query or export of any of its users, ever
 */
public record OrganisationUsage(long organisationId, String name, String status, int queries, int blockedQueries,
        int exports, int signIns, OffsetDateTime lastActive) {
}
