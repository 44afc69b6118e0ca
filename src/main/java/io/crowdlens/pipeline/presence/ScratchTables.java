package io.crowdlens.pipeline.presence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The relations a run works on inside its engine. Each engine stages the drop into the first four
 * (as views over the files in DuckDB, as tables in PostgreSQL); the queries of this package read them.
 * All of them live only in the run's scratch space and are dropped when the run ends.
 */
public final class ScratchTables {

    /** Every well-formed event row, all values as text, as the operator wrote them. */
    public static final Table<?> RAW_EVENT = table(name("raw_event"));
    public static final Field<String> RAW_DEVICE_ID = field(name("device_id"), SQLDataType.VARCHAR);
    public static final Field<String> RAW_CELL_ID = field(name("cell_id"), SQLDataType.VARCHAR);
    public static final Field<String> RAW_TS = field(name("ts"), SQLDataType.VARCHAR);
    public static final Field<String> RAW_SOURCE_FILE = field(name("source_file"), SQLDataType.VARCHAR);
    /**
     * The instant, when the file carries typed timestamps (Parquet epoch milliseconds or timestamps with
     * time zone); null for text, which the classification parses from {@link #RAW_TS}. Parsing the
     * typed value's text back was a third of the classification's time on Parquet drops.
     */
    public static final Field<OffsetDateTime> RAW_TS_AT = field(name("ts_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    /** Device ids on the opt-out list. */
    public static final Table<?> OPTOUT = table(name("optout"));
    public static final Field<String> OPTOUT_DEVICE_ID = field(name("optout", "device_id"), SQLDataType.VARCHAR);

    /** Valid cell keys. */
    public static final Table<?> DROP_CELL = table(name("drop_cell"));
    public static final Field<String> DROP_CELL_KEY = field(name("drop_cell", "cell_key"), SQLDataType.VARCHAR);

    /** Which area of each layer a cell lies in. */
    public static final Table<?> CELL_AREA = table(name("cell_area"));
    public static final Field<String> CELL_AREA_CELL_KEY = field(name("cell_area", "cell_key"), SQLDataType.VARCHAR);
    public static final Field<String> CELL_AREA_LAYER = field(name("cell_area", "layer_code"), SQLDataType.VARCHAR);
    public static final Field<String> CELL_AREA_AREA = field(name("cell_area", "area_code"), SQLDataType.VARCHAR);
    /**
     * A number for the area (layer and code) within this run: grouping by one integer is cheaper than by
     * two strings, and H3 codes are too long for engines to keep inline.
     */
    public static final Field<Integer> CELL_AREA_INDEX = field(name("cell_area", "area_index"), SQLDataType.INTEGER);
    /** A number for the layer within this run: contribution bounds are per device, day and layer. */
    public static final Field<Integer> CELL_AREA_LAYER_INDEX =
            field(name("cell_area", "layer_index"), SQLDataType.INTEGER);

    /**
     * Every event row with its verdict: accepted (status null), opted out, or a reject reason. Accepted
     * rows carry the device's run key, cell, instant and local time; each accepted event is there once
     * (duplicates are rejected rows).
     */
    public static final Table<?> CLASSIFIED_EVENT = table(name("classified_event"));
    /** The device's key for this run (a keyed 64-bit hash of its id): equal for one device, unrelated across runs. */
    public static final Field<Long> DEVICE_KEY = field(name("device_key"), SQLDataType.BIGINT);
    public static final Field<String> CELL_KEY = field(name("cell_key"), SQLDataType.VARCHAR);
    public static final Field<OffsetDateTime> EVENT_AT = field(name("event_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    /** Wall-clock time in the drop's zone, computed once here so the aggregations need no zone arithmetic. */
    public static final Field<LocalDateTime> LOCAL_TIME = field(name("local_time"), SQLDataType.LOCALDATETIME);
    public static final Field<String> STATUS = field(name("status"), SQLDataType.VARCHAR);
    public static final Field<String> REJECTED_DEVICE_ID = field(name("rejected_device_id"), SQLDataType.VARCHAR);
    public static final Field<String> REJECTED_CELL_ID = field(name("rejected_cell_id"), SQLDataType.VARCHAR);
    public static final Field<String> REJECTED_TS = field(name("rejected_ts"), SQLDataType.VARCHAR);
    public static final Field<String> SOURCE_FILE = field(name("source_file"), SQLDataType.VARCHAR);

    /** Accepted events seen more than once (same device, cell and instant): one row per event. */
    public static final Table<?> DUPLICATE_GROUP = table(name("duplicate_group"));
    static final Field<Long> DUPLICATE_KEY = field(name("duplicate_group", "device_key"), SQLDataType.BIGINT);
    static final Field<String> DUPLICATE_CELL = field(name("duplicate_group", "cell_key"), SQLDataType.VARCHAR);
    static final Field<OffsetDateTime> DUPLICATE_AT =
            field(name("duplicate_group", "event_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<LocalDateTime> DUPLICATE_LOCAL_TIME =
            field(name("duplicate_group", "local_time"), SQLDataType.LOCALDATETIME);

    /** Status of an event row on the opt-out list: removed, neither accepted nor rejected. */
    public static final String OPTED_OUT = "opted_out";

    private ScratchTables() {
    }
}
