package io.crowdlens.audit;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.db.Tables.ORGANISATION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

import io.crowdlens.db.tables.Organisation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail: "who saw what". Account managers read every organisation's records; a
 * partner admin reads only records by their own organisation's users or about their organisation,
 * whatever filter they send. Exports stream from the database and are themselves audited.
 * (Kept free of the security feature, which writes to the audit log: the caller's organisation is
 * looked up by the signed-in user name.)
 */
@Service
public class AuditTrail {

    private static final Organisation ACTOR_ORG = ORGANISATION.as("actor_org");
    private static final Organisation SUBJECT_ORG = ORGANISATION.as("subject_org");

    private final DSLContext db;
    private final SecurityContextHolderStrategy securityContext;
    private final AuditLog audit;

    public AuditTrail(DSLContext db, ObjectProvider<SecurityContextHolderStrategy> strategy, AuditLog audit) {
        this.db = db;
        this.securityContext = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.audit = audit;
    }

    /** A page of records, newest first. */
    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditRecord> records(AuditFilter filter, int offset, int limit) {
        return selectRecords()
                .where(visible(filter))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(AuditTrail::toRecord);
    }

    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public int count(AuditFilter filter) {
        return db.fetchCount(AUDIT_EVENT, visible(filter));
    }

    /**
     * Writes the matching records as CSV, newest first, streaming from the database (the heap holds
     * one batch at a time). Returns the number of records written; the export is audited.
     */
    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public int exportCsv(AuditFilter filter, Writer out) {
        Condition condition = visible(filter);
        int rows = 0;
        try (Cursor<? extends Record> cursor = selectRecords().where(condition)
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .fetchSize(1000)
                .fetchLazy()) {
            out.write(CsvCells.row("occurred_at", "user", "organisation", "about_organisation", "action", "outcome",
                    "detail", "figures_returned", "figures_suppressed", "client_address"));
            for (Record r : cursor) {
                AuditRecord a = toRecord(r);
                out.write(CsvCells.row(a.occurredAt(), a.actor(), a.organisationName(), a.subjectOrganisationName(),
                        a.action(), a.outcome(), a.detail(), a.figuresReturned(), a.figuresSuppressed(),
                        a.clientAddress()));
                rows++;
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Caller caller = caller();
        audit.recordFigures(caller.username(), caller.organisationId(), AuditAction.EXPORT, AuditOutcome.SUCCESS,
                "audit trail CSV: " + (filter == null ? "all records" : filter.describe()), rows, 0);
        return rows;
    }

    /** Organisations to filter by (account managers; a partner admin has only their own). */
    @PreAuthorize("hasAnyRole('ACCOUNT_MANAGER', 'PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public List<OrganisationName> organisations(String search, int offset, int limit) {
        Caller caller = caller();
        Condition c = caller.manager() ? noCondition() : ORGANISATION.ID.eq(caller.organisationId());
        if (search != null && !search.isBlank()) {
            c = c.and(ORGANISATION.NAME.containsIgnoreCase(search.strip()));
        }
        return db.select(ORGANISATION.ID, ORGANISATION.NAME).from(ORGANISATION).where(c)
                .orderBy(ORGANISATION.NAME).offset(offset).limit(limit)
                .fetch(r -> new OrganisationName(r.value1(), r.value2()));
    }

    /**
     * Usage per organisation since a time: answered and blocked queries, exports, sign-ins, and
     * when any of its users was last active. A page of organisations by name; counts come from
     * the audit trail's (organisation, action, time) index, one organisation at a time.
     */
    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public List<OrganisationUsage> usage(String search, OffsetDateTime since, int offset, int limit) {
        return db.select(ORGANISATION.ID, ORGANISATION.NAME, ORGANISATION.STATUS,
                        field(count(since, AuditAction.QUERY, AuditOutcome.SUCCESS)),
                        field(count(since, AuditAction.QUERY, AuditOutcome.BLOCKED)),
                        field(count(since, AuditAction.EXPORT, AuditOutcome.SUCCESS)),
                        field(count(since, AuditAction.SIGN_IN, AuditOutcome.SUCCESS)),
                        field(select(max(AUDIT_EVENT.OCCURRED_AT)).from(AUDIT_EVENT)
                                .where(AUDIT_EVENT.ORGANISATION_ID.eq(ORGANISATION.ID))
                                .and(AUDIT_EVENT.ACTION.in(AuditAction.SIGN_IN.name(), AuditAction.QUERY.name(),
                                        AuditAction.EXPORT.name()))
                                .and(AUDIT_EVENT.OUTCOME.ne(AuditOutcome.FAILURE.name()))))
                .from(ORGANISATION)
                .where(nameContains(search))
                .orderBy(ORGANISATION.NAME)
                .offset(offset)
                .limit(limit)
                .fetch(r -> new OrganisationUsage(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8()));
    }

    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public int countUsage(String search) {
        return db.fetchCount(ORGANISATION, nameContains(search));
    }

    private static org.jooq.Select<org.jooq.Record1<Integer>> count(OffsetDateTime since, AuditAction action,
            AuditOutcome outcome) {
        return selectCount().from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ORGANISATION_ID.eq(ORGANISATION.ID))
                .and(AUDIT_EVENT.ACTION.eq(action.name()))
                .and(AUDIT_EVENT.OCCURRED_AT.ge(since))
                .and(AUDIT_EVENT.OUTCOME.eq(outcome.name()));
    }

    private static Condition nameContains(String search) {
        return search == null || search.isBlank() ? noCondition() : ORGANISATION.NAME.containsIgnoreCase(search.strip());
    }

    /** The filter as asked, narrowed to what the caller may read. A partner admin asking for another organisation is refused. */
    private Condition visible(AuditFilter filter) {
        AuditFilter f = filter == null ? AuditFilter.none() : filter;
        Caller caller = caller();
        Condition c = noCondition();
        if (!caller.manager()) {
            if (f.organisationId() != null && f.organisationId() != caller.organisationId()) {
                audit.recordAdministration(caller.username(), caller.organisationId(), f.organisationId(),
                        AuditOutcome.DENIED, "refused: audit records of organisation " + f.organisationId());
                throw new AccessDeniedException("You may only read your own organisation's audit records.");
            }
            c = AUDIT_EVENT.ORGANISATION_ID.eq(caller.organisationId())
                    .or(AUDIT_EVENT.SUBJECT_ORGANISATION_ID.eq(caller.organisationId()));
        } else if (f.organisationId() != null) {
            c = AUDIT_EVENT.ORGANISATION_ID.eq(f.organisationId())
                    .or(AUDIT_EVENT.SUBJECT_ORGANISATION_ID.eq(f.organisationId()));
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            c = c.and(AUDIT_EVENT.ACTOR.containsIgnoreCase(f.actor().strip()));
        }
        if (f.action() != null) {
            c = c.and(AUDIT_EVENT.ACTION.eq(f.action().name()));
        }
        if (f.from() != null) {
            c = c.and(AUDIT_EVENT.OCCURRED_AT.ge(f.from()));
        }
        if (f.to() != null) {
            c = c.and(AUDIT_EVENT.OCCURRED_AT.lt(f.to()));
        }
        return c;
    }

    private SelectJoinStep<? extends Record> selectRecords() {
        return db.select(AUDIT_EVENT.ID, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTOR, ACTOR_ORG.NAME, SUBJECT_ORG.NAME,
                        AUDIT_EVENT.ACTION, AUDIT_EVENT.OUTCOME, AUDIT_EVENT.DETAIL, AUDIT_EVENT.FIGURES_RETURNED,
                        AUDIT_EVENT.FIGURES_SUPPRESSED, AUDIT_EVENT.CLIENT_ADDRESS)
                .from(AUDIT_EVENT)
                .leftJoin(ACTOR_ORG).on(ACTOR_ORG.ID.eq(AUDIT_EVENT.ORGANISATION_ID))
                .leftJoin(SUBJECT_ORG).on(SUBJECT_ORG.ID.eq(AUDIT_EVENT.SUBJECT_ORGANISATION_ID));
    }

    private static AuditRecord toRecord(Record r) {
        return new AuditRecord(r.get(AUDIT_EVENT.ID), r.get(AUDIT_EVENT.OCCURRED_AT), r.get(AUDIT_EVENT.ACTOR),
                r.get(ACTOR_ORG.NAME), r.get(SUBJECT_ORG.NAME), r.get(AUDIT_EVENT.ACTION), r.get(AUDIT_EVENT.OUTCOME),
                r.get(AUDIT_EVENT.DETAIL), r.get(AUDIT_EVENT.FIGURES_RETURNED), r.get(AUDIT_EVENT.FIGURES_SUPPRESSED),
                r.get(AUDIT_EVENT.CLIENT_ADDRESS));
    }

    private Caller caller() {
        Authentication auth = securityContext.getContext().getAuthentication();
        if (auth == null) {
            throw new AccessDeniedException("Not signed in");
        }
        boolean manager = auth.getAuthorities().stream().anyMatch(a -> "ROLE_ACCOUNT_MANAGER".equals(a.getAuthority()));
        long organisation = db.select(APP_USER.ORGANISATION_ID).from(APP_USER)
                .where(APP_USER.USERNAME.equalIgnoreCase(auth.getName()))
                .fetchOptional(APP_USER.ORGANISATION_ID)
                .orElseThrow(() -> new AccessDeniedException("Unknown user"));
        return new Caller(auth.getName(), organisation, manager);
    }

    private record Caller(String username, long organisationId, boolean manager) {
    }
}
