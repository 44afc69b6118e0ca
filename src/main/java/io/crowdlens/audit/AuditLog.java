package io.crowdlens.audit;

import static io.crowdlens.db.Tables.AUDIT_EVENT;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit trail: who did what, when, with which outcome. There is deliberately no
 * update or delete method. Records are written in their own transaction so that a refused or
 * failed action is still recorded when the caller's transaction rolls back.
 */
@Service
public class AuditLog {

    private static final int MAX_DETAIL = 4000;

    private final DSLContext db;

    public AuditLog(DSLContext db) {
        this.db = db;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String actor, Long organisationId, AuditAction action, AuditOutcome outcome, String detail) {
        recordFigures(actor, organisationId, action, outcome, detail, null, null);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFigures(String actor, Long organisationId, AuditAction action, AuditOutcome outcome,
            String detail, Integer figuresReturned, Integer figuresSuppressed) {
        insert(actor, organisationId, null, action, outcome, detail, figuresReturned, figuresSuppressed, null);
    }

    /** A sign-in, sign-out or lockout, with the client address it came from. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAccess(String actor, Long organisationId, AuditAction action, AuditOutcome outcome,
            String detail, String clientAddress) {
        insert(actor, organisationId, null, action, outcome, detail, null, null, clientAddress);
    }

    /**
     * A change made by an administrator (or refused to one): {@code organisationId} is the actor's
     * organisation, {@code subjectOrganisationId} the organisation the change was about.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAdministration(String actor, Long organisationId, Long subjectOrganisationId,
            AuditOutcome outcome, String detail) {
        insert(actor, organisationId, subjectOrganisationId, AuditAction.ADMIN_CHANGE, outcome, detail, null, null,
                null);
    }

    /**
     * An action by someone of one organisation ({@code organisationId}) on something of another
     * ({@code subjectOrganisationId}), such as an account manager revoking a partner's API token.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAbout(String actor, Long organisationId, Long subjectOrganisationId, AuditAction action,
            AuditOutcome outcome, String detail) {
        insert(actor, organisationId, subjectOrganisationId, action, outcome, detail, null, null, null);
    }

    private void insert(String actor, Long organisationId, Long subjectOrganisationId, AuditAction action,
            AuditOutcome outcome, String detail, Integer figuresReturned, Integer figuresSuppressed,
            String clientAddress) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTOR, sanitiseActor(actor))
                .set(AUDIT_EVENT.ORGANISATION_ID, organisationId)
                .set(AUDIT_EVENT.SUBJECT_ORGANISATION_ID, subjectOrganisationId)
                .set(AUDIT_EVENT.ACTION, action.name())
                .set(AUDIT_EVENT.OUTCOME, outcome.name())
                .set(AUDIT_EVENT.DETAIL, detail == null ? null : truncate(detail))
                .set(AUDIT_EVENT.FIGURES_RETURNED, figuresReturned)
                .set(AUDIT_EVENT.FIGURES_SUPPRESSED, figuresSuppressed)
                .set(AUDIT_EVENT.CLIENT_ADDRESS, clientAddress == null ? null : sanitiseActor(clientAddress))
                .execute();
    }

    /** A typed user name is untrusted input: bound its length and strip control characters. */
    public static String sanitiseActor(String actor) {
        if (actor == null || actor.isBlank()) {
            return "(anonymous)";
        }
        String clean = actor.replaceAll("\\p{Cntrl}", "?").trim();
        return clean.length() > 254 ? clean.substring(0, 254) : clean;
    }

    private static String truncate(String detail) {
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    }
}
