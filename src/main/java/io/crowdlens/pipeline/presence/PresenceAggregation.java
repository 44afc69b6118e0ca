package io.crowdlens.pipeline.presence;

import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_AREA;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_INDEX;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_LAYER;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_LAYER_INDEX;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CLASSIFIED_EVENT;
import static io.crowdlens.pipeline.presence.ScratchTables.DEVICE_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.LOCAL_TIME;
import static io.crowdlens.pipeline.presence.ScratchTables.STATUS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
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
 * cell maps to one area per layer). Knows nothing of k or noise: protecting the counts is the next
 * step. It does bound each device's contribution (docs/privacy.md, "Contribution bounds"), since
 * the noise is calibrated to that bound: per device, local day and layer, at most
 * {@code areaHoursPerDay} (area, hour) pairs count in hourly presence, the earliest first (ties by
 * area number), and at most {@code areasPerDay} areas in daily presence, the first seen first. The
 * rule uses only times and area numbers, never the device key (which each engine hashes its own
 * way), so every engine keeps the same contributions.
 *
 * <p>First {@link #seen} keeps each (area, local hour, device) once, grouping by the area's number
 * rather than its layer and code; hourly presence is then a count of those rows and daily presence a
 * count among far fewer rows than the events. (Two count-distinct queries over every event and area
 * took about 60 % more CPU time on the benchmark drop.)
 *
 * <p>Local time is the manifest's zone, wall clock (computed by {@link EventClassification}). When
 * clocks go back, the repeated hour's two real hours fall into the one bucket of that wall-clock hour
 * (distinct devices over both); when clocks go forward, the skipped hour has no bucket.
 */
public final class PresenceAggregation {

    /** Scratch: every (area, local hour, device) with at least one accepted event, once. */
    public static final Table<?> PRESENCE_SEEN = table(name("presence_seen"));
    private static final Field<Integer> SEEN_AREA = field(name("presence_seen", "area_index"), SQLDataType.INTEGER);
    private static final Field<Integer> SEEN_LAYER = field(name("presence_seen", "layer_index"), SQLDataType.INTEGER);
    private static final Field<LocalDateTime> SEEN_HOUR =
            field(name("presence_seen", "local_hour"), SQLDataType.LOCALDATETIME);
    private static final Field<Long> SEEN_DEVICE = field(name("presence_seen", "device_key"), SQLDataType.BIGINT);

    private final DSLContext dsl;
    private final int areaHoursPerDay;
    private final int areasPerDay;

    public PresenceAggregation(DSLContext dsl, int areaHoursPerDay, int areasPerDay) {
        this.dsl = dsl;
        this.areaHoursPerDay = areaHoursPerDay;
        this.areasPerDay = areasPerDay;
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
                selectDistinct(CELL_AREA_INDEX.as(SEEN_AREA.getName()), CELL_AREA_LAYER_INDEX.as(SEEN_LAYER.getName()),
                        localHour.as(SEEN_HOUR.getName()), events.field(DEVICE_KEY).as(SEEN_DEVICE.getName()))
                        .from(events)
                        .join(CELL_AREA).on(CELL_AREA_CELL_KEY.eq(events.field(CELL_KEY))));
    }

    public ResultQuery<Record5<String, String, LocalDate, Integer, Long>> hourly() {
        Field<LocalDate> day = DSL.cast(SEEN_HOUR, SQLDataType.LOCALDATE);
        Table<?> ranked = select(SEEN_AREA, SEEN_HOUR,
                        rowNumber().over(partitionBy(SEEN_DEVICE, SEEN_LAYER, day).orderBy(SEEN_HOUR, SEEN_AREA))
                                .as("contribution"))
                .from(PRESENCE_SEEN)
                .asTable("r");
        Field<Integer> area = ranked.field(SEEN_AREA.getName(), Integer.class);
        Field<LocalDateTime> hour = ranked.field(SEEN_HOUR.getName(), LocalDateTime.class);
        Table<?> counts = select(area, hour, count().as("devices"))
                .from(ranked)
                .where(ranked.field("contribution", Integer.class).le(inline(areaHoursPerDay)))
                .groupBy(area, hour)
                .asTable("c");
        Table<?> areas = areas();
        Field<LocalDateTime> countedHour = counts.field(hour);
        return dsl.select(areas.field(CELL_AREA_LAYER), areas.field(CELL_AREA_AREA),
                        DSL.cast(countedHour, SQLDataType.LOCALDATE).as("local_day"),
                        DSL.extract(countedHour, DatePart.HOUR).as("hour_of_day"),
                        counts.field("devices", Integer.class).cast(SQLDataType.BIGINT).as("devices"))
                .from(counts)
                .join(areas).on(areas.field(CELL_AREA_INDEX).eq(counts.field(area)));
    }

    public ResultQuery<Record4<String, String, LocalDate, Long>> daily() {
        Field<LocalDate> day = DSL.cast(SEEN_HOUR, SQLDataType.LOCALDATE);
        Table<?> firstSeen = select(SEEN_AREA, SEEN_LAYER, SEEN_DEVICE, day.as("local_day"),
                        DSL.min(SEEN_HOUR).as("first_hour"))
                .from(PRESENCE_SEEN)
                .groupBy(SEEN_AREA, SEEN_LAYER, SEEN_DEVICE, day)
                .asTable("f");
        Field<Integer> area = firstSeen.field(SEEN_AREA.getName(), Integer.class);
        Field<LocalDate> localDay = firstSeen.field("local_day", LocalDate.class);
        Table<?> ranked = select(area, localDay,
                        rowNumber().over(partitionBy(firstSeen.field(SEEN_DEVICE.getName()),
                                        firstSeen.field(SEEN_LAYER.getName()), localDay)
                                .orderBy(firstSeen.field("first_hour"), area))
                                .as("contribution"))
                .from(firstSeen)
                .asTable("r");
        Field<Integer> rankedArea = ranked.field(area);
        Field<LocalDate> rankedDay = ranked.field(localDay);
        Table<?> counts = select(rankedArea, rankedDay, count().as("devices"))
                .from(ranked)
                .where(ranked.field("contribution", Integer.class).le(inline(areasPerDay)))
                .groupBy(rankedArea, rankedDay)
                .asTable("c");
        Table<?> areas = areas();
        return dsl.select(areas.field(CELL_AREA_LAYER), areas.field(CELL_AREA_AREA),
                        counts.field(rankedDay),
                        counts.field("devices", Integer.class).cast(SQLDataType.BIGINT).as("devices"))
                .from(counts)
                .join(areas).on(areas.field(CELL_AREA_INDEX).eq(counts.field(rankedArea)));
    }

    /** Drops presence_seen (per-device rows) as soon as the counts are read. */
    public Query dropSeen() {
        return dsl.dropTable(PRESENCE_SEEN);
    }

    private static Table<?> areas() {
        return selectDistinct(CELL_AREA_INDEX, CELL_AREA_LAYER, CELL_AREA_AREA).from(CELL_AREA).asTable("a");
    }
}
