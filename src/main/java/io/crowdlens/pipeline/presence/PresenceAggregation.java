package io.crowdlens.pipeline.presence;

import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_AREA;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_AREA_LAYER;
import static io.crowdlens.pipeline.presence.ScratchTables.CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CLASSIFIED_EVENT;
import static io.crowdlens.pipeline.presence.ScratchTables.DEVICE_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.LOCAL_TIME;
import static io.crowdlens.pipeline.presence.ScratchTables.STATUS;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.select;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
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
 * <p>Local time is the manifest's zone, wall clock (computed by {@link EventClassification}). When clocks go back, the repeated hour's two real
 * hours fall into the one bucket of that wall-clock hour (distinct devices over both); when clocks go
 * forward, the skipped hour has no bucket.
 */
public final class PresenceAggregation {

    private final DSLContext dsl;

    public PresenceAggregation(DSLContext dsl) {
        this.dsl = dsl;
    }

    public ResultQuery<Record5<String, String, LocalDate, Integer, Long>> hourly() {
        Table<?> events = acceptedEvents();
        Field<LocalDateTime> local = events.field("local_time", LocalDateTime.class);
        Field<LocalDate> day = DSL.cast(local, SQLDataType.LOCALDATE);
        Field<Integer> hour = DSL.extract(local, DatePart.HOUR);
        return dsl.select(CELL_AREA_LAYER, CELL_AREA_AREA, day.as("local_day"), hour.as("hour_of_day"),
                        devices(events))
                .from(events)
                .join(CELL_AREA).on(CELL_AREA_CELL_KEY.eq(events.field("cell_key", String.class)))
                .groupBy(CELL_AREA_LAYER, CELL_AREA_AREA, day, hour);
    }

    public ResultQuery<Record4<String, String, LocalDate, Long>> daily() {
        Table<?> events = acceptedEvents();
        Field<LocalDate> day = DSL.cast(events.field("local_time", LocalDateTime.class), SQLDataType.LOCALDATE);
        return dsl.select(CELL_AREA_LAYER, CELL_AREA_AREA, day.as("local_day"), devices(events))
                .from(events)
                .join(CELL_AREA).on(CELL_AREA_CELL_KEY.eq(events.field("cell_key", String.class)))
                .groupBy(CELL_AREA_LAYER, CELL_AREA_AREA, day);
    }

    private Table<?> acceptedEvents() {
        return select(DEVICE_KEY, CELL_KEY, LOCAL_TIME)
                .from(CLASSIFIED_EVENT)
                .where(STATUS.isNull())
                .asTable("e");
    }

    private static Field<Long> devices(Table<?> events) {
        return countDistinct(events.field(DEVICE_KEY)).cast(SQLDataType.BIGINT).as("devices");
    }
}
