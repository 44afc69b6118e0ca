package io.crowdlens.visits;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.SITE;
import static io.crowdlens.db.Tables.SITE_AREA;
import static io.crowdlens.db.Tables.VISITS_CATCHMENT;
import static io.crowdlens.db.Tables.VISITS_DAILY;
import static io.crowdlens.db.Tables.VISITS_DWELL;
import static io.crowdlens.db.Tables.VISITS_HOURLY;
import static io.crowdlens.db.Tables.VISITS_LOYALTY;
import static io.crowdlens.db.Tables.VISITS_RELEASE_BUCKET;
import static io.crowdlens.db.Tables.VISITS_RELEASE_SITE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Component;

/**
 * Reads a release's stored visitors figures (noisy, each at least the release's k). Only
 * {@link VisitsQueryService} calls it, inside the figure gate: scope, the partner's k and the audit
 * happen there.
 */
@Component
class PublishedVisits {

    record HourRow(long siteId, LocalDate day, int hour, int visitors) {
    }

    record DayRow(long siteId, LocalDate day, int visitors) {
    }

    record DwellRow(long siteId, LocalDate day, int fromMinutes, Integer toMinutes, int visits) {
    }

    record LoyaltyRow(long siteId, LocalDate day, int firstTime, int returning) {
    }

    record HomeRow(long siteId, long areaId, int visitors) {
    }

    private final DSLContext db;

    PublishedVisits(DSLContext db) {
        this.db = db;
    }

    /** The sites the release covers, by name. */
    List<VisitSite> sites(long releaseId) {
        return db.select(SITE.ID, SITE.CODE, SITE.NAME, SITE.CATEGORY, SITE.LAT, SITE.LON, SITE.RADIUS_METRES,
                        SITE.GEOMETRY)
                .from(VISITS_RELEASE_SITE)
                .join(SITE).on(SITE.ID.eq(VISITS_RELEASE_SITE.SITE_ID))
                .where(VISITS_RELEASE_SITE.RELEASE_ID.eq(releaseId))
                .orderBy(SITE.NAME, SITE.ID)
                .fetch(Records.mapping(VisitSite::new));
    }

    /** For each site, the area it lies in per layer (layer code to area id): what licences are checked against. */
    Map<Long, Map<String, Long>> areasOfSites(List<Long> siteIds) {
        Map<Long, Map<String, Long>> areas = new HashMap<>();
        db.select(SITE_AREA.SITE_ID, AREA.LAYER_CODE, AREA.ID)
                .from(SITE_AREA).join(AREA).on(AREA.ID.eq(SITE_AREA.AREA_ID))
                .where(SITE_AREA.SITE_ID.in(siteIds))
                .forEach(r -> areas.computeIfAbsent(r.value1(), s -> new HashMap<>()).put(r.value2(), r.value3()));
        return areas;
    }

    List<HourRow> hourly(long releaseId, List<Long> siteIds, LocalDate from, LocalDate to) {
        return db.select(VISITS_HOURLY.SITE_ID, VISITS_HOURLY.LOCAL_DAY, VISITS_HOURLY.HOUR_OF_DAY.cast(Integer.class),
                        VISITS_HOURLY.VISITORS)
                .from(VISITS_HOURLY)
                .where(VISITS_HOURLY.RELEASE_ID.eq(releaseId))
                .and(VISITS_HOURLY.SITE_ID.in(siteIds))
                .and(VISITS_HOURLY.LOCAL_DAY.between(from, to))
                .fetch(Records.mapping(HourRow::new));
    }

    List<DayRow> daily(long releaseId, List<Long> siteIds, LocalDate from, LocalDate to) {
        return db.select(VISITS_DAILY.SITE_ID, VISITS_DAILY.LOCAL_DAY, VISITS_DAILY.VISITORS)
                .from(VISITS_DAILY)
                .where(VISITS_DAILY.RELEASE_ID.eq(releaseId))
                .and(VISITS_DAILY.SITE_ID.in(siteIds))
                .and(VISITS_DAILY.LOCAL_DAY.between(from, to))
                .fetch(Records.mapping(DayRow::new));
    }

    List<DwellRow> dwell(long releaseId, List<Long> siteIds, LocalDate from, LocalDate to) {
        return db.select(VISITS_DWELL.SITE_ID, VISITS_DWELL.LOCAL_DAY, VISITS_DWELL.DWELL_FROM_MINUTES.cast(Integer.class),
                        VISITS_DWELL.DWELL_TO_MINUTES.cast(Integer.class), VISITS_DWELL.VISITS)
                .from(VISITS_DWELL)
                .where(VISITS_DWELL.RELEASE_ID.eq(releaseId))
                .and(VISITS_DWELL.SITE_ID.in(siteIds))
                .and(VISITS_DWELL.LOCAL_DAY.between(from, to))
                .fetch(Records.mapping(DwellRow::new));
    }

    /**
     * The dwell buckets of the release (lower bound to upper bound, null: open-ended), shortest first: the
     * buckets it was made with, whether or not any figure of theirs reached k.
     */
    Map<Integer, Integer> dwellBuckets(long releaseId) {
        Map<Integer, Integer> buckets = new TreeMap<>();
        db.select(VISITS_RELEASE_BUCKET.DWELL_FROM_MINUTES, VISITS_RELEASE_BUCKET.DWELL_TO_MINUTES)
                .from(VISITS_RELEASE_BUCKET)
                .where(VISITS_RELEASE_BUCKET.RELEASE_ID.eq(releaseId))
                .forEach(r -> buckets.put(r.value1().intValue(), r.value2() == null ? null : r.value2().intValue()));
        return buckets;
    }

    List<LoyaltyRow> loyalty(long releaseId, List<Long> siteIds, LocalDate from, LocalDate to) {
        return db.select(VISITS_LOYALTY.SITE_ID, VISITS_LOYALTY.LOCAL_DAY, VISITS_LOYALTY.FIRST_TIME_VISITORS,
                        VISITS_LOYALTY.RETURNING_VISITORS)
                .from(VISITS_LOYALTY)
                .where(VISITS_LOYALTY.RELEASE_ID.eq(releaseId))
                .and(VISITS_LOYALTY.SITE_ID.in(siteIds))
                .and(VISITS_LOYALTY.LOCAL_DAY.between(from, to))
                .fetch(Records.mapping(LoyaltyRow::new));
    }

    /** The home layers the release has a catchment for (layer code to name). */
    Map<String, String> catchmentLayers(long releaseId) {
        Map<String, String> layers = new LinkedHashMap<>();
        db.selectDistinct(VISITS_CATCHMENT.LAYER_CODE, AREA_LAYER.NAME)
                .from(VISITS_CATCHMENT)
                .join(AREA_LAYER).on(AREA_LAYER.CODE.eq(VISITS_CATCHMENT.LAYER_CODE))
                .where(VISITS_CATCHMENT.RELEASE_ID.eq(releaseId))
                .orderBy(VISITS_CATCHMENT.LAYER_CODE)
                .forEach(r -> layers.put(r.value1(), r.value2()));
        return layers;
    }

    List<HomeRow> catchment(long releaseId, List<Long> siteIds, String layer) {
        return db.select(VISITS_CATCHMENT.SITE_ID, VISITS_CATCHMENT.AREA_ID, VISITS_CATCHMENT.VISITORS)
                .from(VISITS_CATCHMENT)
                .where(VISITS_CATCHMENT.RELEASE_ID.eq(releaseId))
                .and(VISITS_CATCHMENT.SITE_ID.in(siteIds))
                .and(VISITS_CATCHMENT.LAYER_CODE.eq(layer))
                .fetch(Records.mapping(HomeRow::new));
    }

    List<HomeArea> areaOutlines(String layer) {
        return db.select(AREA.ID, AREA.NAME, AREA.GEOMETRY).from(AREA).where(AREA.LAYER_CODE.eq(layer))
                .orderBy(AREA.NAME, AREA.ID)
                .fetch(Records.mapping(HomeArea::new));
    }

    /** Every area of a layer (id to name, by name), for a catchment that lists suppressed areas too. */
    Map<Long, String> areaNames(String layer) {
        Map<Long, String> names = new LinkedHashMap<>();
        db.select(AREA.ID, AREA.NAME).from(AREA).where(AREA.LAYER_CODE.eq(layer)).orderBy(AREA.NAME, AREA.ID)
                .forEach(r -> names.put(r.value1(), r.value2()));
        return names;
    }
}
