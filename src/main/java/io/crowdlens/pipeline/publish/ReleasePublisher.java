package io.crowdlens.pipeline.publish;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.RELEASE_DAY_INPUT;
import static io.crowdlens.db.Tables.RELEASE_NOISE;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.geography.Area;
import io.crowdlens.pipeline.geography.Geography;
import io.crowdlens.pipeline.protect.NoiseRecord;
import io.crowdlens.pipeline.protect.RunCost;
import io.crowdlens.pipeline.quality.InputProfile.DayInput;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one run's releases (one per product: presence, visits, ...) and their protected aggregates
 * to the serving database in one transaction: the geography is upserted, each dataset's previous
 * release is superseded and the new one published together, so the portal sees either the old
 * releases or the complete new ones, never a part. A run whose quality checks failed is stored held
 * (AWAITING_REVIEW): nothing is superseded and the served releases stay until an operator approves
 * ({@link ReleaseApproval}). Older superseded or withdrawn releases beyond the retention count are
 * deleted (with their rows, by cascade) in the same transaction; served and held ones never are.
 */
@Component
public class ReleasePublisher {

    private final DSLContext db;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PrivacyLedger ledger;

    public ReleasePublisher(DSLContext db, TransactionTemplate tx, Clock clock, PrivacyLedger ledger) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.ledger = ledger;
    }

    /** One product's protected rows and how long the engine took to aggregate them. */
    public record ProductRelease(PublishableAggregates aggregates, long aggregateMillis) {
    }

    /**
     * How the run's releases go out: served at once, or held for review with the reasons; with the run's
     * quality report and its events and devices per local day.
     */
    public record Review(boolean held, String heldReasons, String qualityReport, List<DayInput> days,
            List<PublishableAggregates> unpublished) {

        public static final Review NONE = new Review(false, null, null, List.of());

        public Review {
            days = List.copyOf(days);
            unpublished = List.copyOf(unpublished);
        }

        public Review(boolean held, String heldReasons, String qualityReport, List<DayInput> days) {
            this(held, heldReasons, qualityReport, days, List.of());
        }
    }

    /**
     * Books the noise of products that published nothing (no noisy figure reached k): that nothing was
     * published is itself an outcome of their noisy figures, so their cost is spent (ledger rows with
     * release id 0 when the run published no release at all). Called when the run has no release.
     */
    public void bookUnpublished(ReleaseDraft draft, List<PublishableAggregates> unpublished) {
        RunCost cost = unpublished.stream().map(p -> RunCost.ofRecords(p.noise())).reduce(new RunCost(0, 0),
                RunCost::plus);
        if (cost.perUnit() == 0) {
            return;
        }
        tx.executeWithoutResult(status -> {
            ledger.check(draft.periodFrom(), draft.periodTo(), cost);
            recordUnpublished(draft, unpublished, 0);
        });
    }

    private void recordUnpublished(ReleaseDraft draft, List<PublishableAggregates> unpublished, long releaseId) {
        for (PublishableAggregates product : unpublished) {
            RunCost cost = RunCost.ofRecords(product.noise());
            if (cost.perUnit() > 0) {
                ledger.record(releaseId, product.dataset(), draft.runId(), draft.periodFrom(), draft.periodTo(), cost);
            }
        }
    }

    public Map<Dataset, Long> publish(ReleaseDraft draft, Geography geography, List<ProductRelease> products,
            int keepReleases, long startedMillis) {
        return publish(draft, geography, products, keepReleases, startedMillis, Review.NONE);
    }

    /**
     * @param products protected rows only (see io.crowdlens.pipeline.protect.Protection); at most one per dataset
     * @param keepReleases how many releases of each dataset to keep, the new one included
     * @return the new releases' ids
     */
    public Map<Dataset, Long> publish(ReleaseDraft draft, Geography geography, List<ProductRelease> products,
            int keepReleases, long startedMillis, Review review) {
        if (keepReleases < 1) {
            throw new IllegalArgumentException("keepReleases must be at least 1");
        }
        if (products.stream().map(p -> p.aggregates().dataset()).distinct().count() != products.size()) {
            throw new IllegalArgumentException("one release per dataset and run");
        }
        RunCost runCost = java.util.stream.Stream.concat(products.stream().map(ProductRelease::aggregates),
                        review.unpublished().stream()).map(p -> RunCost.ofRecords(p.noise()))
                .reduce(new RunCost(0, 0), RunCost::plus);
        return tx.execute(status -> {
            // again inside the transaction: another run may have spent from these days since the first check
            ledger.check(draft.periodFrom(), draft.periodTo(), runCost);
            AreaIds areaIds = upsertGeography(geography);
            Map<Dataset, Long> ids = new EnumMap<>(Dataset.class);
            for (ProductRelease product : products) {
                Dataset dataset = product.aggregates().dataset();
                if (!review.held()) {
                    db.update(DATA_RELEASE).set(DATA_RELEASE.STATUS, "SUPERSEDED")
                            .where(DATA_RELEASE.DATASET.eq(dataset.name())).and(DATA_RELEASE.STATUS.eq("PUBLISHED"))
                            .execute();
                }
                long releaseId = insertRelease(draft, product, review);
                insertDays(releaseId, review.days());
                product.aggregates().write(db, releaseId, areaIds);
                insertNoise(releaseId, product.aggregates().noise());
                ledger.record(releaseId, dataset, draft.runId(), draft.periodFrom(), draft.periodTo(),
                        RunCost.ofRecords(product.aggregates().noise()));
                ids.put(dataset, releaseId);
            }
            if (!ids.isEmpty()) {
                recordUnpublished(draft, review.unpublished(), ids.values().iterator().next());
            }
            long publishMillis = clock.millis() - startedMillis;
            for (ProductRelease product : products) {
                db.update(DATA_RELEASE)
                        .set(DATA_RELEASE.PUBLISH_MILLIS, publishMillis)
                        .set(DATA_RELEASE.PIPELINE_MILLIS,
                                draft.validateMillis() + product.aggregateMillis() + publishMillis)
                        .where(DATA_RELEASE.ID.eq(ids.get(product.aggregates().dataset())))
                        .execute();
                deleteBeyond(product.aggregates().dataset(), keepReleases);
            }
            return ids;
        });
    }

    private AreaIds upsertGeography(Geography geography) {
        geography.layerNames().forEach((code, name) -> db.insertInto(AREA_LAYER)
                .set(AREA_LAYER.CODE, code)
                .set(AREA_LAYER.NAME, name)
                .set(AREA_LAYER.KIND, geography.layerKind(code))
                .onConflict(AREA_LAYER.CODE).doUpdate()
                .set(AREA_LAYER.NAME, DSL.excluded(AREA_LAYER.NAME))
                .execute());
        Batches.insert(db, geography.areas(), db.insertInto(AREA, AREA.LAYER_CODE, AREA.CODE, AREA.NAME,
                                AREA.GEOMETRY, AREA.CENTROID_LAT, AREA.CENTROID_LON)
                        .values((String) null, null, null, null, null, null)
                        .onConflict(AREA.LAYER_CODE, AREA.CODE).doUpdate()
                        .set(AREA.NAME, DSL.excluded(AREA.NAME))
                        .set(AREA.GEOMETRY, DSL.excluded(AREA.GEOMETRY))
                        .set(AREA.CENTROID_LAT, DSL.excluded(AREA.CENTROID_LAT))
                        .set(AREA.CENTROID_LON, DSL.excluded(AREA.CENTROID_LON)),
                (Area a) -> new Object[] {a.layer(), a.code(), a.name(), a.geometry(), a.centroidLat(), a.centroidLon()});
        return AreaIds.read(db, geography.layerNames().keySet());
    }

    /**
     * The release served for a dataset and its accepted events per local day, for the next run's
     * quality report to compare with (empty when nothing is served or it predates day counts).
     */
    public java.util.Optional<io.crowdlens.pipeline.quality.QualityChecks.Baseline> servedDays(Dataset dataset) {
        return db.select(DATA_RELEASE.ID).from(DATA_RELEASE)
                .where(DATA_RELEASE.DATASET.eq(dataset.name())).and(DATA_RELEASE.STATUS.eq("PUBLISHED"))
                .orderBy(DATA_RELEASE.PUBLISHED_AT.desc(), DATA_RELEASE.ID.desc()).limit(1)
                .fetchOptional(DATA_RELEASE.ID)
                .map(id -> new io.crowdlens.pipeline.quality.QualityChecks.Baseline(id, db.selectFrom(RELEASE_DAY_INPUT)
                        .where(RELEASE_DAY_INPUT.RELEASE_ID.eq(id)).orderBy(RELEASE_DAY_INPUT.LOCAL_DAY)
                        .fetch(r -> new DayInput(r.getLocalDay(), r.getEvents(), r.getDevices()))))
                .filter(baseline -> !baseline.days().isEmpty());
    }

    private void insertDays(long releaseId, List<DayInput> days) {
        for (DayInput day : days) {
            db.insertInto(RELEASE_DAY_INPUT)
                    .set(RELEASE_DAY_INPUT.RELEASE_ID, releaseId)
                    .set(RELEASE_DAY_INPUT.LOCAL_DAY, day.day())
                    .set(RELEASE_DAY_INPUT.EVENTS, day.events())
                    .set(RELEASE_DAY_INPUT.DEVICES, day.devices())
                    .execute();
        }
    }

    private long insertRelease(ReleaseDraft d, ProductRelease product, Review review) {
        PublishableAggregates rows = product.aggregates();
        RunCost cost = RunCost.ofRecords(rows.noise());
        return db.insertInto(DATA_RELEASE)
                .set(DATA_RELEASE.RUN_ID, d.runId())
                .set(DATA_RELEASE.NOISE_MECHANISM, d.noiseMechanism())
                .set(DATA_RELEASE.PRIVACY_UNIT, "DEVICE_DAY")
                .set(DATA_RELEASE.RHO_DAY_LEVEL, cost.dayLevel())
                .set(DATA_RELEASE.RHO_PERIOD_LEVEL, cost.periodLevel())
                .set(DATA_RELEASE.EPSILON_PER_UNIT, cost.epsilonPerUnit(d.delta()))
                .set(DATA_RELEASE.DELTA_PER_UNIT, cost.perUnit() == 0 ? 0 : d.delta())
                .set(DATA_RELEASE.DATASET, rows.dataset().name())
                .set(DATA_RELEASE.STATUS, review.held() ? "AWAITING_REVIEW" : "PUBLISHED")
                .set(DATA_RELEASE.HELD_REASONS, review.held() ? review.heldReasons() : null)
                .set(DATA_RELEASE.QUALITY_REPORT, review.qualityReport())
                .set(DATA_RELEASE.DROP_ID, d.dropId())
                .set(DATA_RELEASE.PERIOD_FROM, d.periodFrom())
                .set(DATA_RELEASE.PERIOD_TO, d.periodTo())
                .set(DATA_RELEASE.TIME_ZONE, d.timeZone())
                .set(DATA_RELEASE.K_THRESHOLD, d.minimumCrowd())
                .set(DATA_RELEASE.ROUNDING, d.rounding())
                .set(DATA_RELEASE.OPTOUT_LIST_VERSION, d.optOutListVersion())
                .set(DATA_RELEASE.ROWS_READ, d.rowsRead())
                .set(DATA_RELEASE.ROWS_ACCEPTED, d.rowsAccepted())
                .set(DATA_RELEASE.ROWS_REJECTED, d.rowsRejected())
                .set(DATA_RELEASE.ROWS_OPTED_OUT, d.rowsOptedOut())
                .set(DATA_RELEASE.ROWS_SUPPRESSED, rows.suppressedRows())
                .set(DATA_RELEASE.AGGREGATE_ROWS, rows.publishedRows())
                .set(DATA_RELEASE.ENGINE, d.engine())
                .set(DATA_RELEASE.VALIDATE_MILLIS, d.validateMillis())
                .set(DATA_RELEASE.AGGREGATE_MILLIS, product.aggregateMillis())
                .set(DATA_RELEASE.PIPELINE_MILLIS, 0L)
                .set(DATA_RELEASE.PUBLISHED_AT, OffsetDateTime.now(clock))
                .returningResult(DATA_RELEASE.ID)
                .fetchSingle().value1();
    }

    private void insertNoise(long releaseId, List<NoiseRecord> noise) {
        for (NoiseRecord n : noise) {
            db.insertInto(RELEASE_NOISE)
                    .set(RELEASE_NOISE.RELEASE_ID, releaseId)
                    .set(RELEASE_NOISE.FIGURE_FAMILY, n.family().name())
                    .set(RELEASE_NOISE.SIGMA, n.sigma())
                    .set(RELEASE_NOISE.VARIANCE, n.variance())
                    .set(RELEASE_NOISE.MARGIN95, Math.toIntExact(n.margin95()))
                    .set(RELEASE_NOISE.CONTRIBUTION_BOUND, n.bound())
                    .set(RELEASE_NOISE.SQUARED_SENSITIVITY, n.squaredSensitivity())
                    .set(RELEASE_NOISE.RHO, n.rho())
                    .set(RELEASE_NOISE.SCOPE, n.family().scope().name())
                    .set(RELEASE_NOISE.GRID_CELLS, n.gridCells())
                    .set(RELEASE_NOISE.STORED_CELLS, n.storedCells())
                    .execute();
        }
    }

    /**
     * Deletes a dataset's releases beyond the kept count; their rows go with them (ON DELETE CASCADE). The
     * served release and held ones are never deleted: a held run must not take away what is served.
     */
    private void deleteBeyond(Dataset dataset, int keepReleases) {
        List<Long> stale = db.select(DATA_RELEASE.ID).from(DATA_RELEASE)
                .where(DATA_RELEASE.DATASET.eq(dataset.name()))
                .and(DATA_RELEASE.STATUS.notIn("PUBLISHED", "AWAITING_REVIEW"))
                .orderBy(DATA_RELEASE.PUBLISHED_AT.desc(), DATA_RELEASE.ID.desc())
                .offset(keepReleases - 1)
                .fetch(DATA_RELEASE.ID);
        if (!stale.isEmpty()) {
            db.deleteFrom(DATA_RELEASE).where(DATA_RELEASE.ID.in(stale)).execute();
        }
    }
}
