package io.crowdlens.audit;

import java.time.OffsetDateTime;

/**
 * Which audit records to show: any part may be null (no restriction).
 *
 * @param organisationId records by this organisation's users or about this organisation
 * @param actor part of the acting user name
 * @param from inclusive
 * @param to exclusive
 */
public record AuditFilter(Long organisationId, String actor, AuditAction action, OffsetDateTime from,
        OffsetDateTime to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }

    public AuditFilter forOrganisation(Long organisation) {
        return new AuditFilter(organisation, actor, action, from, to);
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (organisationId != null) {
            sb.append(" organisation=").append(organisationId);
        }
        if (actor != null && !actor.isBlank()) {
            sb.append(" user~").append(actor.strip());
        }
        if (action != null) {
            sb.append(" action=").append(action);
        }
        if (from != null) {
            sb.append(" from=").append(from);
        }
        if (to != null) {
            sb.append(" to=").append(to);
        }
        return sb.isEmpty() ? "all records" : sb.toString().strip();
    }
}
