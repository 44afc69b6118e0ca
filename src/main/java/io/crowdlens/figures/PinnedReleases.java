package io.crowdlens.figures;

import static io.crowdlens.db.Tables.DATA_RELEASE;
import static org.jooq.impl.DSL.field;

import io.crowdlens.common.Dataset;
import io.crowdlens.privacy.PrivacySettings;
import io.crowdlens.release.ReleaseSummary;
import io.crowdlens.release.Staleness;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The releases a question may be pinned to ({@link ReleasePin}): published or superseded releases of
 * the dataset, as {@code ReleaseCatalogue#current} would serve them, i.e. not beyond the opt-out grace
 * of a newer opt-out list (PRIVACY.md rule 2: a release that does not honour the current list is
 * served no longer than the grace). Withdrawn releases never.
 */
@Component
class PinnedReleases {

    private final DSLContext db;
    private final PrivacySettings privacy;
    private final Clock clock;

    PinnedReleases(DSLContext db, PrivacySettings privacy, Clock clock) {
        this.db = db;
        this.privacy = privacy;
        this.clock = clock;
    }

    Optional<ReleaseSummary> find(Dataset dataset, long releaseId) {
        return db.select(DATA_RELEASE, field(Staleness.ofRelease()))
                .from(DATA_RELEASE)
                .where(DATA_RELEASE.ID.eq(releaseId))
                .and(DATA_RELEASE.DATASET.eq(dataset.name()))
                .and(DATA_RELEASE.STATUS.in(List.of("PUBLISHED", "SUPERSEDED")))
                .andNot(Staleness.beyond(OffsetDateTime.now(clock).minus(privacy.optOutGrace())))
                .fetchOptional(row -> {
                    var r = row.value1();
                    return new ReleaseSummary(r.getId(), Dataset.valueOf(r.getDataset()), r.getStatus(),
                            r.getPeriodFrom(), r.getPeriodTo(), r.getTimeZone(), r.getKThreshold(), r.getRounding(),
                            r.getOptoutListVersion(), r.getPublishedAt(), row.value2(), r.getNoiseMechanism(),
                            r.getRhoDayLevel() + r.getRhoPeriodLevel(), r.getEpsilonPerUnit(), r.getDeltaPerUnit());
                });
    }
}
