package io.crowdlens.pipeline.publish;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.PRESENCE_DAILY;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;

import io.crowdlens.pipeline.geography.Area;
import io.crowdlens.pipeline.geography.Geography;
import io.crowdlens.pipeline.presence.PresenceCount;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a release and its protected aggregates to the serving database in one transaction: the
 * geography is upserted, the previous release is superseded and the new one published together, so
 * the portal sees either the old release or the complete new one, never a part. Older releases beyond
 * the retention count are deleted in the same transaction.
 */
@Component
public class ReleasePublisher {

    static final String DATASET = "PRESENCE";
    private static final int ROWS_PER_BATCH = 5_000;

    private final DSLContext db;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ReleasePublisher(DSLContext db, TransactionTemplate tx, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @param published protected rows only (see io.crowdlens.pipeline.protect.Protection)
     * @param keepReleases how many releases of the dataset to keep, the new one included
     * @return the new release's id
     */
    public long publish(ReleaseDraft draft, Geography geography, List<PresenceCount> published, int keepReleases,
            long startedMillis) {
        if (keepReleases < 1) {
            throw new IllegalArgumentException("keepReleases must be at least 1");
        }
        Long id = tx.execute(status -> {
            Map<String, Long> areaIds = upsertGeography(geography);
            db.update(DATA_RELEASE).set(DATA_RELEASE.STATUS, "SUPERSEDED")
                    .where(DATA_RELEASE.DATASET.eq(DATASET)).and(DATA_RELEASE.STATUS.eq("PUBLISHED"))
                    .execute();
            long releaseId = insertRelease(draft, published.size());
            insertAggregates(releaseId, published, areaIds);
            db.update(DATA_RELEASE)
                    .set(DATA_RELEASE.PUBLISH_MILLIS, clock.millis() - startedMillis)
                    .set(DATA_RELEASE.PIPELINE_MILLIS, clock.millis() - startedMillis + draft.validateMillis()
                            + draft.aggregateMillis())
                    .where(DATA_RELEASE.ID.eq(releaseId))
                    .execute();
            deleteBeyond(keepReleases);
            return releaseId;
        });
        return id;
    }

    private Map<String, Long> upsertGeography(Geography geography) {
        geography.layerNames().forEach((code, name) -> db.insertInto(AREA_LAYER)
                .set(AREA_LAYER.CODE, code)
                .set(AREA_LAYER.NAME, name)
                .set(AREA_LAYER.KIND, geography.layerKind(code))
                .onConflict(AREA_LAYER.CODE).doUpdate()
                .set(AREA_LAYER.NAME, DSL.excluded(AREA_LAYER.NAME))
                .execute());
        for (List<Area> chunk : chunks(geography.areas())) {
            BatchBindStep batch = db.batch(db.insertInto(AREA, AREA.LAYER_CODE, AREA.CODE, AREA.NAME, AREA.GEOMETRY,
                            AREA.CENTROID_LAT, AREA.CENTROID_LON)
                    .values((String) null, null, null, null, null, null)
                    .onConflict(AREA.LAYER_CODE, AREA.CODE).doUpdate()
                    .set(AREA.NAME, DSL.excluded(AREA.NAME))
                    .set(AREA.GEOMETRY, DSL.excluded(AREA.GEOMETRY))
                    .set(AREA.CENTROID_LAT, DSL.excluded(AREA.CENTROID_LAT))
                    .set(AREA.CENTROID_LON, DSL.excluded(AREA.CENTROID_LON)));
            for (Area a : chunk) {
                batch.bind(a.layer(), a.code(), a.name(), a.geometry(), a.centroidLat(), a.centroidLon());
            }
            batch.execute();
        }
        Map<String, Long> ids = new HashMap<>();
        db.select(AREA.ID, AREA.LAYER_CODE, AREA.CODE).from(AREA)
                .where(AREA.LAYER_CODE.in(geography.layerNames().keySet()))
                .forEach(r -> ids.put(key(r.value2(), r.value3()), r.value1()));
        return ids;
    }

    private long insertRelease(ReleaseDraft d, long aggregateRows) {
        return db.insertInto(DATA_RELEASE)
                .set(DATA_RELEASE.DATASET, DATASET)
                .set(DATA_RELEASE.STATUS, "PUBLISHED")
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
                .set(DATA_RELEASE.ROWS_SUPPRESSED, d.rowsSuppressed())
                .set(DATA_RELEASE.AGGREGATE_ROWS, aggregateRows)
                .set(DATA_RELEASE.ENGINE, d.engine())
                .set(DATA_RELEASE.VALIDATE_MILLIS, d.validateMillis())
                .set(DATA_RELEASE.AGGREGATE_MILLIS, d.aggregateMillis())
                .set(DATA_RELEASE.PIPELINE_MILLIS, 0L)
                .set(DATA_RELEASE.PUBLISHED_AT, OffsetDateTime.now(clock))
                .returningResult(DATA_RELEASE.ID)
                .fetchSingle().value1();
    }

    private void insertAggregates(long releaseId, List<PresenceCount> rows, Map<String, Long> areaIds) {
        List<PresenceCount> hourly = rows.stream().filter(r -> !r.isDaily()).toList();
        List<PresenceCount> daily = rows.stream().filter(PresenceCount::isDaily).toList();
        for (List<PresenceCount> chunk : chunks(hourly)) {
            BatchBindStep batch = db.batch(db.insertInto(PRESENCE_HOURLY, PRESENCE_HOURLY.RELEASE_ID,
                    PRESENCE_HOURLY.LAYER_CODE, PRESENCE_HOURLY.LOCAL_DAY, PRESENCE_HOURLY.HOUR_OF_DAY,
                    PRESENCE_HOURLY.AREA_ID, PRESENCE_HOURLY.DEVICES).values((Long) null, null, null, null, null, null));
            for (PresenceCount r : chunk) {
                batch.bind(releaseId, r.layerCode(), r.localDay(), r.hourOfDay().shortValue(),
                        areaId(areaIds, r), Math.toIntExact(r.devices()));
            }
            batch.execute();
        }
        for (List<PresenceCount> chunk : chunks(daily)) {
            BatchBindStep batch = db.batch(db.insertInto(PRESENCE_DAILY, PRESENCE_DAILY.RELEASE_ID,
                    PRESENCE_DAILY.LAYER_CODE, PRESENCE_DAILY.LOCAL_DAY, PRESENCE_DAILY.AREA_ID, PRESENCE_DAILY.DEVICES)
                    .values((Long) null, null, null, null, null));
            for (PresenceCount r : chunk) {
                batch.bind(releaseId, r.layerCode(), r.localDay(), areaId(areaIds, r), Math.toIntExact(r.devices()));
            }
            batch.execute();
        }
    }

    private void deleteBeyond(int keepReleases) {
        List<Long> stale = db.select(DATA_RELEASE.ID).from(DATA_RELEASE)
                .where(DATA_RELEASE.DATASET.eq(DATASET))
                .orderBy(DATA_RELEASE.PUBLISHED_AT.desc(), DATA_RELEASE.ID.desc())
                .offset(keepReleases)
                .fetch(DATA_RELEASE.ID);
        if (!stale.isEmpty()) {
            db.deleteFrom(PRESENCE_HOURLY).where(PRESENCE_HOURLY.RELEASE_ID.in(stale)).execute();
            db.deleteFrom(PRESENCE_DAILY).where(PRESENCE_DAILY.RELEASE_ID.in(stale)).execute();
            db.deleteFrom(DATA_RELEASE).where(DATA_RELEASE.ID.in(stale)).execute();
        }
    }

    private static long areaId(Map<String, Long> areaIds, PresenceCount row) {
        Long id = areaIds.get(key(row.layerCode(), row.areaCode()));
        if (id == null) {
            throw new IllegalStateException("aggregate for unknown area " + row.layerCode() + "/" + row.areaCode());
        }
        return id;
    }

    private static String key(String layer, String code) {
        return layer + '\u0000' + code;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += ROWS_PER_BATCH) {
            chunks.add(all.subList(i, Math.min(all.size(), i + ROWS_PER_BATCH)));
        }
        return chunks;
    }
}
