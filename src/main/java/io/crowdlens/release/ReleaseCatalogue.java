package io.crowdlens.release;

import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.RELEASE_NOISE;
import static org.jooq.impl.DSL.field;

import io.crowdlens.common.Dataset;
import io.crowdlens.db.tables.records.DataReleaseRecord;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.privacy.PrivacySettings;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SelectJoinStep;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which releases exist and which one the portal serves: only a PUBLISHED release is ever served, never
 * one held for review (AWAITING_REVIEW), superseded or withdrawn.
 */
@Service
public class ReleaseCatalogue {

    private final DSLContext db;
    private final PrivacySettings privacy;
    private final Clock clock;

    public ReleaseCatalogue(DSLContext db, PrivacySettings privacy, Clock clock) {
        this.db = db;
        this.privacy = privacy;
        this.clock = clock;
    }

    /**
     * The release currently served for a dataset: the published one, unless an opt-out list it does not
     * honour arrived longer ago than the opt-out grace (then none until it is re-published).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<ReleaseSummary> current(Dataset dataset) {
        return releases()
                .where(DATA_RELEASE.DATASET.eq(dataset.name()))
                .and(servable())
                .orderBy(DATA_RELEASE.PUBLISHED_AT.desc(), DATA_RELEASE.ID.desc())
                .limit(1)
                .fetchOptional(ReleaseCatalogue::toSummary);
    }

    /**
     * The release served for each of the given datasets that has one, in the order of {@link Dataset},
     * for the footer. The caller passes what the user may know of (LicenceScopeService#visibleDatasets):
     * a partner is not told which other datasets exist.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ReleaseSummary> served(Set<Dataset> datasets) {
        if (datasets.isEmpty()) {
            return List.of();
        }
        // one query on every page: the published releases, newest first, then the first of each dataset
        Map<Dataset, ReleaseSummary> newest = new EnumMap<>(Dataset.class);
        releases()
                .where(servable())
                .and(DATA_RELEASE.DATASET.in(datasets.stream().map(Dataset::name).toList()))
                .orderBy(DATA_RELEASE.PUBLISHED_AT.desc(), DATA_RELEASE.ID.desc())
                .fetch(ReleaseCatalogue::toSummary)
                .forEach(release -> newest.putIfAbsent(release.dataset(), release));
        return List.copyOf(newest.values());
    }

    /** Every release, newest first, for data operators (with the exact input counts partners never see). */
    @PreAuthorize("hasRole('DATA_OPERATOR')")
    @Transactional(readOnly = true)
    public List<OperatorRelease> all(int offset, int limit) {
        return releases()
                .orderBy(DATA_RELEASE.PUBLISHED_AT.desc(), DATA_RELEASE.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(row -> {
                    DataReleaseRecord r = row.value1();
                    return new OperatorRelease(toSummary(row), r.getDropId(), r.getRowsRead(), r.getRowsAccepted(),
                            r.getRowsRejected(), r.getRowsOptedOut(), r.getAggregateRows(), r.getRowsSuppressed(),
                            r.getEngine(), r.getWithdrawnReason(), r.getHeldReasons(), r.getQualityReport(),
                            r.getApprovedBy());
                });
    }

    /** Releases held for review (their run's quality checks failed), oldest first: none of them is served. */
    @PreAuthorize("hasRole('DATA_OPERATOR')")
    @Transactional(readOnly = true)
    public List<ReleaseSummary> awaitingReview() {
        return releases()
                .where(DATA_RELEASE.STATUS.eq("AWAITING_REVIEW"))
                .orderBy(DATA_RELEASE.PUBLISHED_AT, DATA_RELEASE.ID)
                .fetch(ReleaseCatalogue::toSummary);
    }

    /** The noise each figure family of a release carries (empty for a release without noise records). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ReleaseNoise noiseOf(long releaseId) {
        Map<FigureFamily, ReleaseNoise.Family> families = new EnumMap<>(FigureFamily.class);
        db.select(RELEASE_NOISE.FIGURE_FAMILY, RELEASE_NOISE.SIGMA, RELEASE_NOISE.VARIANCE, RELEASE_NOISE.MARGIN95,
                        RELEASE_NOISE.CONTRIBUTION_BOUND, RELEASE_NOISE.RHO)
                .from(RELEASE_NOISE)
                .where(RELEASE_NOISE.RELEASE_ID.eq(releaseId))
                .forEach(r -> families.put(FigureFamily.valueOf(r.value1()),
                        new ReleaseNoise.Family(r.value2(), r.value3(), r.value4(), r.value5(), r.value6())));
        return new ReleaseNoise(families);
    }

    /** Served releases that a newer opt-out list has made stale: the operator must re-publish. */
    @PreAuthorize("hasRole('DATA_OPERATOR')")
    @Transactional(readOnly = true)
    public List<ReleaseSummary> staleServed() {
        return releases()
                .where(DATA_RELEASE.STATUS.eq("PUBLISHED"))
                .and(Staleness.ofRelease())
                .orderBy(DATA_RELEASE.DATASET)
                .fetch(ReleaseCatalogue::toSummary);
    }

    private Condition servable() {
        return DATA_RELEASE.STATUS.eq("PUBLISHED")
                .andNot(Staleness.beyond(OffsetDateTime.now(clock).minus(privacy.optOutGrace())));
    }

    private SelectJoinStep<Record2<DataReleaseRecord, Boolean>> releases() {
        return db.select(DATA_RELEASE, field(Staleness.ofRelease())).from(DATA_RELEASE);
    }

    private static ReleaseSummary toSummary(Record2<DataReleaseRecord, Boolean> row) {
        DataReleaseRecord r = row.value1();
        return new ReleaseSummary(r.getId(), Dataset.valueOf(r.getDataset()), r.getStatus(), r.getPeriodFrom(),
                r.getPeriodTo(), r.getTimeZone(), r.getKThreshold(), r.getRounding(), r.getOptoutListVersion(),
                r.getPublishedAt(), row.value2(), r.getNoiseMechanism(), r.getRhoDayLevel() + r.getRhoPeriodLevel(),
                r.getEpsilonPerUnit(), r.getDeltaPerUnit());
    }
}
