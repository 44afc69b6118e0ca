package io.crowdlens.pipeline.visits;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDate;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The visitors product's relations in the run's engine, next to those of
 * {@link io.crowdlens.pipeline.presence.ScratchTables}. They live only in the run's scratch space;
 * visit_stay is the only one with per-device rows, and it dies with the engine like classified_event.
 */
final class VisitsScratch {

    /** Which cells serve which site (SiteCoverage). */
    static final Table<?> SITE_CELL = table(name("site_cell"));
    static final Field<String> SITE_CELL_SITE = field(name("site_cell", "site_code"), SQLDataType.VARCHAR);
    static final Field<String> SITE_CELL_CELL = field(name("site_cell", "cell_key"), SQLDataType.VARCHAR);

    /** The period's local hours as real intervals (LocalTimeGrid). */
    static final Table<?> HOUR_SLOT = table(name("hour_slot"));
    /** The period's local days as real intervals (LocalTimeGrid). */
    static final Table<?> DAY_SLOT = table(name("day_slot"));
    static final Field<LocalDate> SLOT_DAY = field(name("local_day"), SQLDataType.LOCALDATE);
    static final Field<Integer> SLOT_HOUR = field(name("hour_of_day"), SQLDataType.INTEGER);
    static final Field<Long> SLOT_START = field(name("start_ms"), SQLDataType.BIGINT);
    static final Field<Long> SLOT_END = field(name("end_ms"), SQLDataType.BIGINT);

    /** One row per stay: a device at a site from its first to its last event there (epoch ms). */
    static final Table<?> VISIT_STAY = table(name("visit_stay"));
    static final Field<Long> STAY_DEVICE = field(name("device_key"), SQLDataType.BIGINT);
    static final Field<String> STAY_SITE = field(name("site_code"), SQLDataType.VARCHAR);
    static final Field<Long> STAY_FIRST = field(name("first_ms"), SQLDataType.BIGINT);
    static final Field<Long> STAY_LAST = field(name("last_ms"), SQLDataType.BIGINT);

    private VisitsScratch() {
    }
}
