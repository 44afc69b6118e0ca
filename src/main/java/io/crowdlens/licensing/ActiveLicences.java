package io.crowdlens.licensing;

import static io.crowdlens.db.Tables.LICENCE;
import static io.crowdlens.db.Tables.ORGANISATION;
import static org.jooq.impl.DSL.select;

import io.crowdlens.common.Dataset;
import io.crowdlens.security.LicensedDatasets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which licences are in force: not revoked, not expired, held by an active organisation. The one
 * definition of "active" that licence scope ({@link LicenceScopeService}) and API tokens (through
 * {@link LicensedDatasets}, asked before anyone is signed in) share.
 */
@Component
class ActiveLicences implements LicensedDatasets {

    private final DSLContext db;
    private final Clock clock;

    ActiveLicences(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    static Condition of(long organisationId, Clock clock) {
        return LICENCE.ORGANISATION_ID.eq(organisationId)
                .and(LICENCE.REVOKED_AT.isNull())
                .and(LICENCE.EXPIRES_AT.gt(OffsetDateTime.now(clock)))
                .andExists(select(ORGANISATION.ID).from(ORGANISATION)
                        .where(ORGANISATION.ID.eq(LICENCE.ORGANISATION_ID))
                        .and(ORGANISATION.STATUS.eq("ACTIVE")));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Dataset> activeFor(long organisationId) {
        Set<Dataset> datasets = EnumSet.noneOf(Dataset.class);
        db.selectDistinct(LICENCE.DATASET).from(LICENCE).where(of(organisationId, clock))
                .forEach(r -> datasets.add(Dataset.valueOf(r.value1())));
        return datasets;
    }
}
