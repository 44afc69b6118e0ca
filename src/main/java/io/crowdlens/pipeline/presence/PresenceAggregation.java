package io.crowdlens.pipeline.presence;

import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_AREA;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_INDEX;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_LAYER;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CLASSIFIED_EVENT;
import static io.crowdlens.pipeline.presence.ScratchTables.DEVICE_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.LOCAL_TIME;
import static io.crowdlens.pipeline.presence.ScratchTables.STATUS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.table;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record4;
import org.jooq.Record5;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Presence: distinct devices per area per local hour and per local day, for every layer at once (a
 * cell maps to one area per layer). Knows nothing of k: protecting the counts is the next step.
 *
 * <p>First {@link #seen} keeps each (area, local hour, device) once, grouping by the area's number
 * rather than its layer and code; hourly presence is then a plain count of those rows and daily
 * presence counts distinct devices among far fewer rows than the events. (Two count-distinct queries
 * over every event and area took about 60 % more CPU time on the benchmark drop.)
 *
 * <p>Local time is the manifest's zone, wall clock (computed by {@link EventClassification}). When
 * clocks go back, the repeated hour's two real hours fall into the one bucket of that wall-clock hour
 * (distinct devices over both); when clocks go forward, the skipped hour has no bucket.
 */
public final class PresenceAggregation {

    /** Scratch: every (area, local hour, device) with at least one accepted event, once. */
    public static final Table<?> PRESENCE_SEEN = table(name("presence_seen"));
    private static final Field<Integer> SEEN_AREA = field(name("presence_seen", "area_index"), SQLDataType.INTEGER);
    private static final Field<LocalDateTime> SEEN_HOUR =
            field(name("presence_seen", "local_hour"), SQLDataType.LOCALDATETIME);
    private static final Field<Long> SEEN_DEVICE = field(name("presence_seen", "device_key"), SQLDataType.BIGINT);

    private final DSLContext dsl;

    public PresenceAggregation(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Fills presence_seen; run it before {@link #hourly} and {@link #daily}. */
    public Query seen() {
        Table<?> events = select(DEVICE_KEY, CELL_KEY, LOCAL_TIME)
                .from(CLASSIFIED_EVENT)
                .where(STATUS.isNull())
                .asTable("e");
        Field<LocalDateTime> localHour = field("date_trunc('hour', {0})", SQLDataType.LOCALDATETIME,
                events.field(LOCAL_TIME));
        return dsl.createTable(PRESENCE_SEEN).as(
                selectDistinct(CELL_AREA_INDEX.as(SEEN_AREA.getName()), localHour.as(SEEN_HOUR.getName()),
                        events.field(DEVICE_KEY).as(SEEN_DEVICE.getName()))
                        .from(events)
                        .join(CELL_AREA).on(CELL_AREA_CELL_KEY.eq(events.field(CELL_KEY))));
    }

    public ResultQuery<Record5<String, String, LocalDate, Integer, Long>> hourly() {
        Table<?> counts = select(SEEN_AREA, SEEN_HOUR, count().as("devices"))
                .from(PRESENCE_SEEN)
                .groupBy(SEEN_AREA, SEEN_HOUR)
                .asTable("c");
        Table<?> areas = areas();
        Field<LocalDateTime> hour = counts.field(SEEN_HOUR);
        return dsl.select(areas.field(CELL_AREA_LAYER), areas.field(CELL_AREA_AREA),
                        DSL.cast(hour, SQLDataType.LOCALDATE).as("local_day"),
                        DSL.extract(hour, DatePart.HOUR).as("hour_of_day"),
                        counts.field("devices", Integer.class).cast(SQLDataType.BIGINT).as("devices"))
                .from(counts)
                .join(areas).on(areas.field(CELL_AREA_INDEX).eq(counts.field(SEEN_AREA)));
    }

    public ResultQuery<Record4<String, String, LocalDate, Long>> daily() {
        Field<LocalDate> day = DSL.cast(SEEN_HOUR, SQLDataType.LOCALDATE);
        Table<?> counts = select(SEEN_AREA, day.as("local_day"), countDistinct(SEEN_DEVICE).as("devices"))
                .from(PRESENCE_SEEN)
                .groupBy(SEEN_AREA, day)
                .asTable("c");
        Table<?> areas = areas();
        return dsl.select(areas.field(CELL_AREA_LAYER), areas.field(CELL_AREA_AREA),
                        counts.field("local_day", LocalDate.class),
                        counts.field("devices", Integer.class).cast(SQLDataType.BIGINT).as("devices"))
                .from(counts)
                .join(areas).on(areas.field(CELL_AREA_INDEX).eq(counts.field(SEEN_AREA)));
    }

    /** Drops presence_seen (per-device rows) as soon as the counts are read. */
    public Query dropSeen() {
        return dsl.dropTable(PRESENCE_SEEN);
    }

    private static Table<?> areas() {
        return selectDistinct(CELL_AREA_INDEX, CELL_AREA_LAYER, CELL_AREA_AREA).from(CELL_AREA).asTable("a");
    }
}
