package io.crowdlens.pipeline.visits;

import static io.crowdlens.db.Tables.SITE;
import static io.crowdlens.db.Tables.SITE_AREA;
import static io.crowdlens.db.Tables.VISITS_CATCHMENT;
import static io.crowdlens.db.Tables.VISITS_DAILY;
import static io.crowdlens.db.Tables.VISITS_DWELL;
import static io.crowdlens.db.Tables.VISITS_HOURLY;
import static io.crowdlens.db.Tables.VISITS_LOYALTY;
import static io.crowdlens.db.Tables.VISITS_RELEASE_BUCKET;
import static io.crowdlens.db.Tables.VISITS_RELEASE_SITE;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.geography.Area;
import io.crowdlens.pipeline.protect.NoiseRecord;
import io.crowdlens.pipeline.publish.AreaIds;
import io.crowdlens.pipeline.publish.Batches;
import io.crowdlens.pipeline.publish.PublishableAggregates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Protected (noised, at least k) visitors figures, written with their sites: the sites are upserted into the reference table
 * (with the areas they lie in, for licences), the release lists the sites it covers, then the figures.
 */
record PublishableVisits(VisitsCounts published, List<NoiseRecord> noise, SiteCoverage coverage,
        DwellBuckets buckets)
        implements PublishableAggregates {

    @Override
    public Dataset dataset() {
        return Dataset.VISITS;
    }

    @Override
    public long publishedRows() {
        return published.rows();
    }

    @Override
    public void write(DSLContext db, long releaseId, AreaIds areaIds) {
        Map<String, Long> siteIds = upsertSites(db, areaIds);
        Batches.insert(db, coverage.sites(),
                db.insertInto(VISITS_RELEASE_SITE, VISITS_RELEASE_SITE.RELEASE_ID, VISITS_RELEASE_SITE.SITE_ID)
                        .values((Long) null, null),
                s -> new Object[] {releaseId, siteIds.get(s.code())});
        Batches.insert(db, buckets.lowerBoundsMinutes(), db.insertInto(VISITS_RELEASE_BUCKET,
                        VISITS_RELEASE_BUCKET.RELEASE_ID, VISITS_RELEASE_BUCKET.DWELL_FROM_MINUTES,
                        VISITS_RELEASE_BUCKET.DWELL_TO_MINUTES).values((Long) null, null, null),
                from -> new Object[] {releaseId, from.shortValue(),
                        buckets.upperBoundOf(from) == null ? null : buckets.upperBoundOf(from).shortValue()});
        List<VisitsCounts.Visitors> visitors = published.visitors();
        Batches.insert(db, visitors.stream().filter(v -> !v.isDaily()).toList(),
                db.insertInto(VISITS_HOURLY, VISITS_HOURLY.RELEASE_ID, VISITS_HOURLY.SITE_ID, VISITS_HOURLY.LOCAL_DAY,
                        VISITS_HOURLY.HOUR_OF_DAY, VISITS_HOURLY.VISITORS).values((Long) null, null, null, null, null),
                v -> new Object[] {releaseId, siteIds.get(v.siteCode()), v.localDay(), v.hourOfDay().shortValue(),
                        Math.toIntExact(v.visitors())});
        Batches.insert(db, visitors.stream().filter(VisitsCounts.Visitors::isDaily).toList(),
                db.insertInto(VISITS_DAILY, VISITS_DAILY.RELEASE_ID, VISITS_DAILY.SITE_ID, VISITS_DAILY.LOCAL_DAY,
                        VISITS_DAILY.VISITORS).values((Long) null, null, null, null),
                v -> new Object[] {releaseId, siteIds.get(v.siteCode()), v.localDay(), Math.toIntExact(v.visitors())});
        Batches.insert(db, published.dwell(),
                db.insertInto(VISITS_DWELL, VISITS_DWELL.RELEASE_ID, VISITS_DWELL.SITE_ID, VISITS_DWELL.LOCAL_DAY,
                        VISITS_DWELL.DWELL_FROM_MINUTES, VISITS_DWELL.DWELL_TO_MINUTES, VISITS_DWELL.VISITS)
                        .values((Long) null, null, null, null, null, null),
                d -> new Object[] {releaseId, siteIds.get(d.siteCode()), d.localDay(), (short) d.fromMinutes(),
                        d.toMinutes() == null ? null : d.toMinutes().shortValue(), Math.toIntExact(d.visits())});
        Batches.insert(db, published.loyalty(),
                db.insertInto(VISITS_LOYALTY, VISITS_LOYALTY.RELEASE_ID, VISITS_LOYALTY.SITE_ID,
                        VISITS_LOYALTY.LOCAL_DAY, VISITS_LOYALTY.FIRST_TIME_VISITORS, VISITS_LOYALTY.RETURNING_VISITORS)
                        .values((Long) null, null, null, null, null),
                l -> new Object[] {releaseId, siteIds.get(l.siteCode()), l.localDay(), Math.toIntExact(l.firstTime()),
                        Math.toIntExact(l.returning())});
        Batches.insert(db, published.catchment(),
                db.insertInto(VISITS_CATCHMENT, VISITS_CATCHMENT.RELEASE_ID, VISITS_CATCHMENT.SITE_ID,
                        VISITS_CATCHMENT.LAYER_CODE, VISITS_CATCHMENT.AREA_ID, VISITS_CATCHMENT.VISITORS)
                        .values((Long) null, null, null, null, null),
                c -> new Object[] {releaseId, siteIds.get(c.siteCode()), c.layerCode(),
                        areaIds.of(c.layerCode(), c.areaCode()), Math.toIntExact(c.visitors())});
    }

    /** Sites are reference geography: updated in place, so older releases keep pointing at them. */
    private Map<String, Long> upsertSites(DSLContext db, AreaIds areaIds) {
        Batches.insert(db, coverage.sites(), db.insertInto(SITE, SITE.CODE, SITE.NAME, SITE.CATEGORY, SITE.GEOMETRY,
                                SITE.RADIUS_METRES, SITE.LAT, SITE.LON)
                        .values((String) null, null, null, null, null, null, null)
                        .onConflict(SITE.CODE).doUpdate()
                        .set(SITE.NAME, DSL.excluded(SITE.NAME))
                        .set(SITE.CATEGORY, DSL.excluded(SITE.CATEGORY))
                        .set(SITE.GEOMETRY, DSL.excluded(SITE.GEOMETRY))
                        .set(SITE.RADIUS_METRES, DSL.excluded(SITE.RADIUS_METRES))
                        .set(SITE.LAT, DSL.excluded(SITE.LAT))
                        .set(SITE.LON, DSL.excluded(SITE.LON)),
                (Site s) -> new Object[] {s.code(), s.name(), s.category(), s.geometry(), s.radiusMetres(), s.lat(),
                        s.lon()});
        Map<String, Long> ids = new HashMap<>();
        db.select(SITE.ID, SITE.CODE).from(SITE)
                .where(SITE.CODE.in(coverage.sites().stream().map(Site::code).toList()))
                .forEach(r -> ids.put(r.value2(), r.value1()));
        db.deleteFrom(SITE_AREA).where(SITE_AREA.SITE_ID.in(ids.values())).execute();
        for (Site site : coverage.sites()) {
            List<Area> areas = coverage.areasOfSite().get(site.code());
            Batches.insert(db, areas, db.insertInto(SITE_AREA, SITE_AREA.SITE_ID, SITE_AREA.AREA_ID).values((Long) null, null),
                    a -> new Object[] {ids.get(site.code()), areaIds.of(a.layer(), a.code())});
        }
        return ids;
    }
}
