package io.crowdlens.pipeline.visits;

import static io.crowdlens.pipeline.presence.ScratchTables.CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CLASSIFIED_EVENT;
import static io.crowdlens.pipeline.presence.ScratchTables.DEVICE_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.EVENT_AT;
import static io.crowdlens.pipeline.presence.ScratchTables.STATUS;
import static io.crowdlens.pipeline.visits.VisitsScratch.SITE_CELL;
import static io.crowdlens.pipeline.visits.VisitsScratch.SITE_CELL_CELL;
import static io.crowdlens.pipeline.visits.VisitsScratch.SITE_CELL_SITE;
import static io.crowdlens.pipeline.visits.VisitsScratch.VISIT_STAY;
import static org.jooq.impl.DSL.denseRank;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lag;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import java.time.Duration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.WindowSpecification;
import org.jooq.impl.DSL;

/**
 * Stays, as one query over the accepted events (docs/visits.md, "Stays"): a device's events at a site's
 * cells that follow each other in the device's own sequence of events, each within the gap tolerance
 * of the one before, spanning at least the minimum dwell. An event elsewhere in between ends the stay;
 * an event elsewhere at the very same instant does not. Written once; {@link VisitsSql} supplies the
 * one engine-specific expression. The result, visit_stay, holds per-device rows and lives only in the
 * run's scratch space.
 */
final class StayDetection {

    private final DSLContext dsl;
    private final VisitsSql sql;
    private final long minimumDwellMillis;
    private final long gapToleranceMillis;

    StayDetection(DSLContext dsl, Duration minimumDwell, Duration gapTolerance) {
        this.dsl = dsl;
        this.sql = new VisitsSql(dsl.dialect());
        this.minimumDwellMillis = minimumDwell.toMillis();
        this.gapToleranceMillis = gapTolerance.toMillis();
    }

    Query createStays() {
        // every accepted event with its place in the device's own sequence (events at one instant share it)
        Table<?> ranked = DSL.select(DEVICE_KEY, CELL_KEY, sql.epochMillis(EVENT_AT).as("at_ms"),
                        denseRank().over(partitionBy(DEVICE_KEY).orderBy(EVENT_AT)).as("event_no"))
                .from(CLASSIFIED_EVENT)
                .where(STATUS.isNull())
                .asTable("ranked");
        // the events at each site's cells; several cells of one site at one instant are one step
        Table<?> atSite = selectDistinct(ranked.field(DEVICE_KEY), SITE_CELL_SITE.as("site_code"),
                        ranked.field("at_ms", Long.class), ranked.field("event_no", Integer.class))
                .from(ranked)
                .join(SITE_CELL).on(SITE_CELL_CELL.eq(ranked.field(CELL_KEY)))
                .asTable("at_site");
        Field<Integer> step = atSite.field("event_no", Integer.class);
        Field<Long> at = atSite.field("at_ms", Long.class);
        WindowSpecification bySiteVisit = partitionBy(atSite.field(DEVICE_KEY), atSite.field("site_code"))
                .orderBy(step);
        Field<Integer> startsStay = when(lag(step).over(bySiteVisit).eq(step.minus(inline(1)))
                        .and(at.minus(lag(at).over(bySiteVisit)).le(inline(gapToleranceMillis))), inline(0))
                .else_(inline(1));
        Table<?> flagged = DSL.select(atSite.field(DEVICE_KEY), atSite.field("site_code"), at, step,
                        startsStay.as("starts_stay"))
                .from(atSite)
                .asTable("flagged");
        Field<Integer> flaggedStep = flagged.field("event_no", Integer.class);
        Table<?> numbered = DSL.select(flagged.field(DEVICE_KEY), flagged.field("site_code"),
                        flagged.field("at_ms", Long.class),
                        sum(flagged.field("starts_stay", Integer.class))
                                .over(partitionBy(flagged.field(DEVICE_KEY), flagged.field("site_code"))
                                        .orderBy(flaggedStep).rowsUnboundedPreceding())
                                .as("stay_no"))
                .from(flagged)
                .asTable("numbered");
        Field<Long> eventAt = numbered.field("at_ms", Long.class);
        return dsl.createTable(VISIT_STAY).as(DSL.select(numbered.field(DEVICE_KEY).as("device_key"),
                        numbered.field("site_code", String.class).as("site_code"),
                        min(eventAt).as("first_ms"), max(eventAt).as("last_ms"))
                .from(numbered)
                .groupBy(numbered.field(DEVICE_KEY), numbered.field("site_code"), numbered.field("stay_no"))
                .having(max(eventAt).minus(min(eventAt)).ge(inline(minimumDwellMillis))));
    }
}
