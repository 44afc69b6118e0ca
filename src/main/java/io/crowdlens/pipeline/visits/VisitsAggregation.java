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
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.partitionBy;

import io.crowdlens.pipeline.homework.HomeWork;
import java.time.LocalDate;
import java.util.List;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Record4;
import org.jooq.Record5;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Visitors per site from the stays: distinct devices per local hour and per local day (a stay counts
 * in every hour and day it overlaps), visits by dwell bucket per day the stay began, and first-time vs
 * returning visitors per day. Knows nothing of k. Written once in jOOQ for every engine.
 */
final class VisitsAggregation {

    private final DSLContext dsl;
    private final DwellBuckets buckets;
    private final long longestHourMillis;
    private final long longestDayMillis;

    /**
     * @param longestHourMillis the longest hour slot (2 h when clocks go back): a slot that starts this long
     *     before a stay cannot overlap it, which lets the engines narrow the range join
     */
    VisitsAggregation(DSLContext dsl, DwellBuckets buckets, long longestHourMillis, long longestDayMillis) {
        this.dsl = dsl;
        this.buckets = buckets;
        this.longestHourMillis = longestHourMillis;
        this.longestDayMillis = longestDayMillis;
    }

    ResultQuery<Record4<String, LocalDate, Integer, Long>> hourly() {
        return dsl.select(STAY_SITE, SLOT_DAY, SLOT_HOUR, visitors())
                .from(VISIT_STAY)
                .join(HOUR_SLOT).on(overlaps(longestHourMillis))
                .groupBy(STAY_SITE, SLOT_DAY, SLOT_HOUR);
    }

    ResultQuery<Record3<String, LocalDate, Long>> daily() {
        return dsl.select(STAY_SITE, SLOT_DAY, visitors())
                .from(VISIT_STAY)
                .join(DAY_SLOT).on(overlaps(longestDayMillis))
                .groupBy(STAY_SITE, SLOT_DAY);
    }

    /** Visits (stays) and their distinct devices per site, day the stay began and dwell bucket (its lower bound). */
    ResultQuery<Record5<String, LocalDate, Integer, Long, Long>> dwell() {
        Field<Integer> bucket = bucketOf(STAY_LAST.minus(STAY_FIRST));
        return dsl.select(STAY_SITE, SLOT_DAY, bucket.as("dwell_from_minutes"), count().cast(SQLDataType.BIGINT).as("visits"),
                        visitors())
                .from(VISIT_STAY)
                .join(DAY_SLOT).on(SLOT_START.le(STAY_FIRST)).and(SLOT_END.gt(STAY_FIRST))
                .groupBy(STAY_SITE, SLOT_DAY, bucket);
    }

    /**
     * Per site and day: visitors whose first stay at the site in the period began that day, and those
     * whose first stay began on an earlier day. The two add up to the day's visitors.
     */
    ResultQuery<Record4<String, LocalDate, Long, Long>> firstTimeAndReturning() {
        Table<?> stays = DSL.select(STAY_DEVICE, STAY_SITE, STAY_FIRST, STAY_LAST,
                        min(STAY_FIRST).over(partitionBy(STAY_DEVICE, STAY_SITE)).as("first_stay_ms"))
                .from(VISIT_STAY)
                .asTable("stay");
        Field<Long> firstStay = stays.field("first_stay_ms", Long.class);
        Field<Long> device = stays.field(STAY_DEVICE);
        Field<String> site = stays.field(STAY_SITE);
        return dsl.select(site, SLOT_DAY,
                        countDistinct(DSL.when(firstStay.ge(SLOT_START), device)).cast(SQLDataType.BIGINT)
                                .as("first_time_visitors"),
                        countDistinct(DSL.when(firstStay.lt(SLOT_START), device)).cast(SQLDataType.BIGINT)
                                .as("returning_visitors"))
                .from(stays)
                .join(DAY_SLOT).on(SLOT_START.le(stays.field(STAY_LAST))).and(SLOT_END.gt(stays.field(STAY_FIRST)))
                .and(SLOT_START.gt(stays.field(STAY_FIRST).minus(inline(longestDayMillis))))
                .groupBy(site, SLOT_DAY);
    }

    /**
     * Distinct visitors over the whole period by home area (the shared home inference,
     * docs/home-work.md); visitors without a home are in no area.
     */
    ResultQuery<Record3<String, String, Long>> catchment() {
        Field<Long> device = DSL.field(DSL.name(VISIT_STAY.getName(), STAY_DEVICE.getName()), SQLDataType.BIGINT);
        Field<String> site = DSL.field(DSL.name(VISIT_STAY.getName(), STAY_SITE.getName()), SQLDataType.VARCHAR);
        return dsl.select(site, HomeWork.HOME_AREA, countDistinct(device).cast(SQLDataType.BIGINT).as("visitors"))
                .from(VISIT_STAY)
                .join(HomeWork.DEVICE_HOME_WORK).on(HomeWork.DEVICE.eq(device))
                .where(HomeWork.HOME_AREA.isNotNull())
                .groupBy(site, HomeWork.HOME_AREA);
    }

    /** The stay [first, last] overlaps the slot [start, end); the last term only narrows the join. */
    private static Condition overlaps(long longestSlotMillis) {
        return SLOT_START.le(STAY_LAST)
                .and(SLOT_END.gt(STAY_FIRST))
                .and(SLOT_START.gt(STAY_FIRST.minus(inline(longestSlotMillis))));
    }

    private Field<Integer> bucketOf(Field<Long> dwellMillis) {
        List<Integer> bounds = buckets.lowerBoundsMinutes();
        CaseConditionStep<Integer> bucket = null;
        for (int i = 1; i < bounds.size(); i++) {
            Condition below = dwellMillis.lt(inline(bounds.get(i) * 60_000L));
            bucket = bucket == null ? DSL.when(below, inline(bounds.get(i - 1)))
                    : bucket.when(below, inline(bounds.get(i - 1)));
        }
        return bucket == null ? inline(bounds.getFirst()) : bucket.else_(inline(bounds.getLast()));
    }

    private static Field<Long> visitors() {
        return countDistinct(STAY_DEVICE).cast(SQLDataType.BIGINT).as("visitors");
    }
}
