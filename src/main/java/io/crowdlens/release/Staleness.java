package io.crowdlens.release;

import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.OPTOUT_LIST;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import io.crowdlens.db.tables.OptoutList;
import java.time.OffsetDateTime;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * docs/privacy.md, "Opting out": a release is stale when an opt-out list arrived after the one it honoured, so
 * devices that opted out since still count in its figures until the operator re-publishes. Lists
 * are ordered by arrival (their identity); a release whose own list was never registered (it
 * predates the register) is compared by its publication time.
 */
public final class Staleness {

    private Staleness() {
    }

    /** True for a {@code data_release} row in the query's FROM clause that a newer opt-out list makes stale. */
    public static Condition ofRelease() {
        return newerListThan(OPTOUT_LIST.as("newer"), null);
    }

    /**
     * True for a release that a list registered at or before {@code registeredBy} makes stale: past the
     * opt-out grace, such a release is no longer served (docs/privacy.md, "Opting out").
     */
    public static Condition beyond(OffsetDateTime registeredBy) {
        return newerListThan(OPTOUT_LIST.as("newer"), registeredBy);
    }

    private static Condition newerListThan(OptoutList newer, OffsetDateTime registeredBy) {
        OptoutList honoured = OPTOUT_LIST.as("honoured");
        OptoutList earlier = OPTOUT_LIST.as("earlier");
        // the arrival position of the list the release honoured; for a release whose list was never
        // registered, the last list that had arrived when it was published (none: 0)
        Field<Long> honouredPosition = coalesce(
                field(select(honoured.ID).from(honoured).where(honoured.VERSION.eq(DATA_RELEASE.OPTOUT_LIST_VERSION))),
                field(select(max(earlier.ID)).from(earlier).where(earlier.REGISTERED_AT.le(DATA_RELEASE.PUBLISHED_AT))),
                inline(0L));
        Condition arrived = registeredBy == null ? noCondition() : newer.REGISTERED_AT.le(registeredBy);
        return exists(selectOne().from(newer).where(newer.ID.gt(honouredPosition)).and(arrived));
    }
}
