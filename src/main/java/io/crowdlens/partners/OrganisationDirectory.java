package io.crowdlens.partners;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.LICENCE;
import static io.crowdlens.db.Tables.ORGANISATION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectCount;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record6;
import org.jooq.SelectJoinStep;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of partner administration: organisations, for account managers. */
@Service
public class OrganisationDirectory {

    private final DSLContext db;
    private final Clock clock;

    public OrganisationDirectory(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A page of organisations whose name contains {@code search} (case-insensitive), by name. */
    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public List<OrganisationSummary> organisations(String search, int offset, int limit) {
        return summaries()
                .where(nameContains(search))
                .orderBy(ORGANISATION.NAME)
                .offset(offset)
                .limit(limit)
                .fetch(OrganisationDirectory::toSummary);
    }

    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public int countOrganisations(String search) {
        return db.fetchCount(ORGANISATION, nameContains(search));
    }

    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public Optional<OrganisationSummary> organisation(long organisationId) {
        return summaries().where(ORGANISATION.ID.eq(organisationId)).fetchOptional(OrganisationDirectory::toSummary);
    }

    private SelectJoinStep<Record6<Long, String, String, String, Integer, Integer>> summaries() {
        return db.select(ORGANISATION.ID, ORGANISATION.NAME, ORGANISATION.KIND, ORGANISATION.STATUS,
                        field(selectCount().from(APP_USER).where(APP_USER.ORGANISATION_ID.eq(ORGANISATION.ID))),
                        field(selectCount().from(LICENCE).where(LICENCE.ORGANISATION_ID.eq(ORGANISATION.ID))
                                .and(LICENCE.REVOKED_AT.isNull())
                                .and(LICENCE.EXPIRES_AT.gt(OffsetDateTime.now(clock)))))
                .from(ORGANISATION);
    }

    private static OrganisationSummary toSummary(Record6<Long, String, String, String, Integer, Integer> r) {
        return new OrganisationSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6());
    }

    private static Condition nameContains(String search) {
        return search == null || search.isBlank() ? noCondition() : ORGANISATION.NAME.containsIgnoreCase(search.trim());
    }
}
