package io.crowdlens.pipeline.visits;

import static io.crowdlens.pipeline.visits.VisitsScratch.DAY_SLOT;
import static io.crowdlens.pipeline.visits.VisitsScratch.HOUR_SLOT;
import static io.crowdlens.pipeline.visits.VisitsScratch.SLOT_DAY;
import static io.crowdlens.pipeline.visits.VisitsScratch.SLOT_END;
import static io.crowdlens.pipeline.visits.VisitsScratch.SLOT_HOUR;
import static io.crowdlens.pipeline.visits.VisitsScratch.SLOT_START;
import static io.crowdlens.pipeline.visits.VisitsScratch.STAY_DEVICE;
import static io.crowdlens.pipeline.visits.VisitsScratch.STAY_FIRST;
import static io.crowdlens.pipeline.visits.VisitsScratch.STAY_LAST;
import static io.crowdlens.pipeline.visits.VisitsScratch.STAY_SITE;
import static io.crowdlens.pipeline.visits.VisitsScratch.VISIT_STAY;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.table;

import io.crowdlens.pipeline.homework.HomeWork;
import io.crowdlens.privacy.PrivacySettings;
import java.time.LocalDate;
import java.util.List;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record3;
import org.jooq.Record4;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Visitors per site from the stays (docs/visits.md). Knows nothing of k or noise, but bounds each
 * device's contribution (docs/privacy.md, "Contribution bounds"): a stay belongs to the local day it
 * began (its privacy unit), and per device and such day at most {@code sitesPerDay} sites count in
 * daily visitors and visits by length of stay, and at most {@code siteHoursPerDay} site-hours in hourly
 * visitors; over the period at most {@code loyaltySiteDays} site-days count in first-time/returning
 * visitors and {@code catchmentSites} sites in the catchment. Which contributions survive is decided
 * by times and site codes only (earliest first), never by the device key, so every engine keeps the
 * same ones. Written once in jOOQ for every engine.
 *
 * <p>{@link #stayDays} must run first: it gives every stay its start day.
 */
final class VisitsAggregation {

    /** Scratch: every stay with the local day it began (per-device rows; dies with the engine). */
    static final Table<?> STAY_DAY = table(name("visit_stay_day"));
    private static final Field<LocalDate> STAY_START_DAY = field(name("start_day"), SQLDataType.LOCALDATE);

    private final DSLContext dsl;
    private final DwellBuckets buckets;
    private final long longestHourMillis;
    private final PrivacySettings.Bounds bounds;

    /**
     * @param longestHourMillis the longest hour slot (2 h when clocks go back): a slot that starts this long
     *     before a stay cannot overlap it, which lets the engines narrow the range join
     */
    VisitsAggregation(DSLContext dsl, DwellBuckets buckets, long longestHourMillis, PrivacySettings.Bounds bounds) {
        this.dsl = dsl;
        this.buckets = buckets;
        this.longestHourMillis = longestHourMillis;
        this.bounds = bounds;
    }

    /** visit_stay_day: each stay with the local day its first event fell on. */
    Query stayDays() {
        return dsl.createTable(STAY_DAY).as(
                select(STAY_DEVICE, STAY_SITE, STAY_FIRST, STAY_LAST, SLOT_DAY.as(STAY_START_DAY.getName()))
                        .from(VISIT_STAY)
                        .join(DAY_SLOT).on(SLOT_START.le(STAY_FIRST)).and(SLOT_END.gt(STAY_FIRST)));
    }

    /**
     * Distinct devices with a stay at the site overlapping the local hour; per device and start day at
     * most siteHoursPerDay (site, hour) pairs, the earliest hours first (ties by site).
     */
    ResultQuery<Record4<String, LocalDate, Integer, Long>> hourly() {
        Table<?> stays = STAY_DAY.as("s");
        Field<Long> device = qualified(stays, STAY_DEVICE);
        Field<String> site = qualified(stays, STAY_SITE);
        Field<LocalDate> startDay = qualified(stays, STAY_START_DAY);
        Field<Long> first = qualified(stays, STAY_FIRST);
        Field<Long> last = qualified(stays, STAY_LAST);
        Table<?> siteHours = selectDistinct(device, startDay, site, SLOT_DAY, SLOT_HOUR, SLOT_START)
                .from(stays)
                .join(HOUR_SLOT).on(SLOT_START.le(last)).and(SLOT_END.gt(first))
                .and(SLOT_START.gt(first.minus(inline(longestHourMillis))))
                .asTable("h");
        Table<?> ranked = select(siteHours.field(device), siteHours.field(site), siteHours.field(SLOT_DAY),
                        siteHours.field(SLOT_HOUR), rowNumber().over(partitionBy(siteHours.field(device), siteHours.field(startDay))
                                .orderBy(siteHours.field(SLOT_START), siteHours.field(site))).as("contribution"))
                .from(siteHours)
                .asTable("r");
        // distinct: a device's stays begun on two days may both overlap one hour (across midnight)
        return dsl.select(ranked.field(site), ranked.field(SLOT_DAY), ranked.field(SLOT_HOUR),
                        DSL.countDistinct(ranked.field(device)).cast(SQLDataType.BIGINT).as("visitors"))
                .from(ranked)
                .where(withinBound(ranked, bounds.visitSiteHoursPerDay()))
                .groupBy(ranked.field(site), ranked.field(SLOT_DAY), ranked.field(SLOT_HOUR));
    }

    /** Distinct devices with a stay begun at the site on the local day (at most sitesPerDay sites per device-day). */
    ResultQuery<Record3<String, LocalDate, Long>> daily() {
        Table<?> kept = keptSiteDays();
        return dsl.select(kept.field(STAY_SITE), kept.field(STAY_START_DAY), devices())
                .from(kept)
                .groupBy(kept.field(STAY_SITE), kept.field(STAY_START_DAY));
    }

    /**
     * Visits by length of stay: one visit per device, site and day, its longest stay begun that day, in
     * the bucket of its length. So the buckets of a site and day add up to its daily visitors.
     */
    ResultQuery<Record4<String, LocalDate, Integer, Long>> dwell() {
        Table<?> kept = keptSiteDays();
        Field<Integer> bucket = bucketOf(kept.field("longest_ms", Long.class));
        return dsl.select(kept.field(STAY_SITE), kept.field(STAY_START_DAY), bucket.as("dwell_from_minutes"), devices())
                .from(kept)
                .groupBy(kept.field(STAY_SITE), kept.field(STAY_START_DAY), bucket);
    }

    /**
     * Per site and day: the day's visitors (as in {@link #daily}) whose first stay at the site in the
     * period began that day, and those whose first stay began on an earlier day; at most loyaltySiteDays
     * site-days per device over the period, the earliest days first (ties by site).
     */
    ResultQuery<Record4<String, LocalDate, Long, Long>> firstTimeAndReturning() {
        Table<?> kept = keptSiteDays();
        Field<Long> device = kept.field(STAY_DEVICE);
        Field<String> site = kept.field(STAY_SITE);
        Field<LocalDate> day = kept.field(STAY_START_DAY);
        Table<?> ranked = select(site, day,
                        min(day).over(partitionBy(device, site)).as("first_day"),
                        rowNumber().over(partitionBy(device).orderBy(day, site)).as("contribution"))
                .from(kept)
                .asTable("r");
        Field<LocalDate> rankedDay = ranked.field(day);
        Field<LocalDate> firstDay = ranked.field("first_day", LocalDate.class);
        return dsl.select(ranked.field(site), rankedDay,
                        DSL.count(DSL.when(rankedDay.eq(firstDay), inline(1))).cast(SQLDataType.BIGINT)
                                .as("first_time_visitors"),
                        DSL.count(DSL.when(rankedDay.gt(firstDay), inline(1))).cast(SQLDataType.BIGINT)
                                .as("returning_visitors"))
                .from(ranked)
                .where(withinBound(ranked, bounds.loyaltySiteDaysPerPeriod()))
                .groupBy(ranked.field(site), rankedDay);
    }

    /**
     * Distinct visitors over the whole period by home area (the shared home inference,
     * docs/home-work.md); visitors without a home are in no area. At most catchmentSites sites per
     * device, those it first stayed at earliest (ties by site).
     */
    ResultQuery<Record3<String, String, Long>> catchment() {
        Table<?> firstStays = select(STAY_DEVICE, STAY_SITE, min(STAY_FIRST).as("first_ms"))
                .from(VISIT_STAY)
                .groupBy(STAY_DEVICE, STAY_SITE)
                .asTable("f");
        Field<Long> device = firstStays.field(STAY_DEVICE);
        Field<String> site = firstStays.field(STAY_SITE);
        Table<?> ranked = select(device, site,
                        rowNumber().over(partitionBy(device).orderBy(firstStays.field("first_ms"), site))
                                .as("contribution"))
                .from(firstStays)
                .asTable("r");
        Field<Long> rankedDevice = ranked.field(device);
        return dsl.select(ranked.field(site), HomeWork.HOME_AREA, count().cast(SQLDataType.BIGINT).as("visitors"))
                .from(ranked)
                .join(HomeWork.DEVICE_HOME_WORK).on(HomeWork.DEVICE.eq(rankedDevice))
                .where(HomeWork.HOME_AREA.isNotNull())
                .and(withinBound(ranked, bounds.catchmentSitesPerPeriod()))
                .groupBy(ranked.field(site), HomeWork.HOME_AREA);
    }

    /**
     * (device, site, start day) with the longest stay begun that day, keeping per device and day the
     * sitesPerDay sites it first stayed at earliest (ties by site).
     */
    private Table<?> keptSiteDays() {
        Table<?> siteDays = select(STAY_DEVICE, STAY_SITE, STAY_START_DAY, min(STAY_FIRST).as("first_ms"),
                        max(STAY_LAST.minus(STAY_FIRST)).as("longest_ms"))
                .from(STAY_DAY)
                .groupBy(STAY_DEVICE, STAY_SITE, STAY_START_DAY)
                .asTable("sd");
        Table<?> ranked = select(siteDays.asterisk(),
                        rowNumber().over(partitionBy(siteDays.field(STAY_DEVICE), siteDays.field(STAY_START_DAY))
                                .orderBy(siteDays.field("first_ms"), siteDays.field(STAY_SITE))).as("contribution"))
                .from(siteDays)
                .asTable("ranked_site_days");
        return select(ranked.field(STAY_DEVICE), ranked.field(STAY_SITE), ranked.field(STAY_START_DAY),
                        ranked.field("longest_ms"))
                .from(ranked)
                .where(withinBound(ranked, bounds.visitSitesPerDay()))
                .asTable("kept");
    }

    /** A column of a scratch table under an alias (scratch tables declare no fields of their own). */
    private static <T> Field<T> qualified(Table<?> table, Field<T> column) {
        return field(name(table.getName(), column.getName()), column.getDataType());
    }

    private static Condition withinBound(Table<?> ranked, int bound) {
        return ranked.field("contribution", Integer.class).le(inline(bound));
    }

    private Field<Integer> bucketOf(Field<Long> dwellMillis) {
        List<Integer> lowerBounds = buckets.lowerBoundsMinutes();
        CaseConditionStep<Integer> bucket = null;
        for (int i = 1; i < lowerBounds.size(); i++) {
            Condition below = dwellMillis.lt(inline(lowerBounds.get(i) * 60_000L));
            bucket = bucket == null ? DSL.when(below, inline(lowerBounds.get(i - 1)))
                    : bucket.when(below, inline(lowerBounds.get(i - 1)));
        }
        return bucket == null ? inline(lowerBounds.getFirst()) : bucket.else_(inline(lowerBounds.getLast()));
    }

    /** Each kept row is one device in the group (rows are distinct per device by construction). */
    private static Field<Long> devices() {
        return count().cast(SQLDataType.BIGINT).as("visitors");
    }
}
