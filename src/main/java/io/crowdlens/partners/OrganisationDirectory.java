package io.crowdlens.partners;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.LICENCE;
import static io.crowdlens.db.Tables.ORGANISATION;
import static io.crowdlens.db.Tables.USER_ROLE;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

import io.crowdlens.security.CurrentUser;
import io.crowdlens.security.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of partner administration: organisations for account managers, teams for partner admins. */
@Service
public class OrganisationDirectory {

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final Clock clock;

    public OrganisationDirectory(DSLContext db, CurrentUser currentUser, Clock clock) {
        this.db = db;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A page of organisations whose name contains {@code search} (case-insensitive), by name. */
    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public List<OrganisationSummary> organisations(String search, int offset, int limit) {
        return db.select(ORGANISATION.ID, ORGANISATION.NAME, ORGANISATION.KIND, ORGANISATION.STATUS,
                        field(selectCount().from(APP_USER).where(APP_USER.ORGANISATION_ID.eq(ORGANISATION.ID))),
                        field(selectCount().from(LICENCE).where(LICENCE.ORGANISATION_ID.eq(ORGANISATION.ID))
                                .and(LICENCE.REVOKED_AT.isNull())
                                .and(LICENCE.EXPIRES_AT.gt(OffsetDateTime.now(clock)))))
                .from(ORGANISATION)
                .where(nameContains(search))
                .orderBy(ORGANISATION.NAME)
                .offset(offset)
                .limit(limit)
                .fetch(r -> new OrganisationSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6()));
    }

    @PreAuthorize("hasRole('ACCOUNT_MANAGER')")
    @Transactional(readOnly = true)
    public int countOrganisations(String search) {
        return db.fetchCount(ORGANISATION, nameContains(search));
    }

    /** The users of the caller's own organisation; never another organisation's. */
    @PreAuthorize("hasRole('PARTNER_ADMIN')")
    @Transactional(readOnly = true)
    public List<TeamMember> myTeam() {
        long organisationId = currentUser.require().organisationId();
        return db.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME,
                        multiset(select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(APP_USER.ID)))
                                .convertFrom(r -> r.map(x -> Role.valueOf(x.value1()))),
                        APP_USER.ENABLED, APP_USER.LOCKED, APP_USER.LAST_LOGIN_AT)
                .from(APP_USER)
                .where(APP_USER.ORGANISATION_ID.eq(organisationId))
                .orderBy(APP_USER.DISPLAY_NAME)
                .fetch(r -> new TeamMember(r.value1(), r.value2(), r.value3(),
                        r.value4().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(r.value4()),
                        r.value5(), r.value6(), r.value7()));
    }

    private static Condition nameContains(String search) {
        return search == null || search.isBlank() ? noCondition() : ORGANISATION.NAME.containsIgnoreCase(search.trim());
    }
}
