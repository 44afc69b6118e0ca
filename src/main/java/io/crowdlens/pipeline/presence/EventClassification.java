package io.crowdlens.pipeline.presence;

import static io.crowdlens.pipeline.presence.ScratchTables.CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CLASSIFIED_EVENT;
import static io.crowdlens.pipeline.presence.ScratchTables.DEVICE_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.DROP_CELL;
import static io.crowdlens.pipeline.presence.ScratchTables.DUPLICATE_AT;
import static io.crowdlens.pipeline.presence.ScratchTables.DUPLICATE_CELL;
import static io.crowdlens.pipeline.presence.ScratchTables.DUPLICATE_GROUP;
import static io.crowdlens.pipeline.presence.ScratchTables.DUPLICATE_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.DUPLICATE_LOCAL_TIME;
import static io.crowdlens.pipeline.presence.ScratchTables.DROP_CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.EVENT_AT;
import static io.crowdlens.pipeline.presence.ScratchTables.LOCAL_TIME;
import static io.crowdlens.pipeline.presence.ScratchTables.OPTED_OUT;
import static io.crowdlens.pipeline.presence.ScratchTables.OPTOUT;
import static io.crowdlens.pipeline.presence.ScratchTables.OPTOUT_DEVICE_ID;
import static io.crowdlens.pipeline.presence.ScratchTables.RAW_CELL_ID;
import static io.crowdlens.pipeline.presence.ScratchTables.RAW_DEVICE_ID;
import static io.crowdlens.pipeline.presence.ScratchTables.RAW_EVENT;
import static io.crowdlens.pipeline.presence.ScratchTables.RAW_SOURCE_FILE;
import static io.crowdlens.pipeline.presence.ScratchTables.RAW_TS;
import static io.crowdlens.pipeline.presence.ScratchTables.RAW_TS_AT;
import static io.crowdlens.pipeline.presence.ScratchTables.REJECTED_CELL_ID;
import static io.crowdlens.pipeline.presence.ScratchTables.REJECTED_DEVICE_ID;
import static io.crowdlens.pipeline.presence.ScratchTables.REJECTED_TS;
import static io.crowdlens.pipeline.presence.ScratchTables.SOURCE_FILE;
import static io.crowdlens.pipeline.presence.ScratchTables.STATUS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;

import io.crowdlens.pipeline.drop.Manifest;
import io.crowdlens.pipeline.drop.RejectReason;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.jooq.Condition;
import org.jooq.CreateTableElementListStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Insert;
import org.jooq.Query;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Record5;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Validation and opt-out removal, as one query over raw_event: every row gets a status (null for
 * accepted, {@value ScratchTables#OPTED_OUT}, or a reject reason) and accepted rows get the run's
 * re-keyed device id. Written once; {@link EngineSql} supplies the few engine-specific expressions.
 * The first matching reason wins, in the order of the CASE below.
 *
 * <p>Duplicates (the same device, cell and instant more than once) are judged afterwards, without a
 * window over every row (that window was most of the classification's time): {@link #findDuplicates}
 * groups the accepted rows by event, and only when some event is there more than once do the next
 * three statements read raw_event again for just those events, quarantine every copy but the first
 * (by timestamp as written, then file) and leave one accepted row per event. The rows and reasons are
 * those a window over every row would give.
 */
public final class EventClassification {

    private final EngineSql sql;
    private final DSLContext dsl;

    public EventClassification(DSLContext dsl) {
        this.dsl = dsl;
        this.sql = new EngineSql(dsl.dialect());
    }

    public CreateTableElementListStep createTable() {
        return dsl.createTable(CLASSIFIED_EVENT)
                .column(DEVICE_KEY, SQLDataType.BIGINT)
                .column(CELL_KEY, SQLDataType.VARCHAR)
                .column(EVENT_AT, SQLDataType.TIMESTAMPWITHTIMEZONE)
                .column(LOCAL_TIME, SQLDataType.LOCALDATETIME)
                .column(STATUS, SQLDataType.VARCHAR(20))
                .column(REJECTED_DEVICE_ID, SQLDataType.VARCHAR)
                .column(REJECTED_CELL_ID, SQLDataType.VARCHAR)
                .column(REJECTED_TS, SQLDataType.VARCHAR)
                .column(SOURCE_FILE, SQLDataType.VARCHAR);
    }

    /**
     * Every row of raw_event into classified_event with its verdict, duplicates not yet judged.
     *
     * @param runKey the run's secret for re-keying device ids ({@code PipelineEngine#runKey}): a bind value
     *     or a lookup, never rendered into the SQL as a literal
     */
    public Insert<?> classify(Manifest manifest, Field<String> runKey) {
        Table<?> parsed = parsed(manifest);
        Field<String> deviceId = parsed.field("device_id", String.class);
        Field<String> cellId = parsed.field("cell_id", String.class);
        Field<OffsetDateTime> eventAt = parsed.field("event_at", OffsetDateTime.class);
        Field<LocalDateTime> localTime = parsed.field("local_time", LocalDateTime.class);

        Field<LocalDate> localDay = DSL.cast(localTime, SQLDataType.LOCALDATE);
        Field<String> status = DSL.case_()
                .when(deviceId.isNull(), reason(RejectReason.EMPTY_DEVICE_ID))
                // IN, not EXISTS: DuckDB answered the correlated NOT EXISTS by materialising every row once more
                .when(deviceId.in(select(OPTOUT_DEVICE_ID).from(OPTOUT)), inline(OPTED_OUT))
                .when(eventAt.isNull(), reason(RejectReason.BAD_TIMESTAMP))
                .when(cellId.isNull().or(cellId.notIn(select(DROP_CELL_KEY).from(DROP_CELL))),
                        reason(RejectReason.UNKNOWN_CELL))
                .when(localDay.notBetween(inline(manifest.periodFrom()), inline(manifest.periodTo())),
                        reason(RejectReason.OUTSIDE_PERIOD))
                .else_(DSL.castNull(SQLDataType.VARCHAR));

        Table<?> classified = select(deviceId, cellId, parsed.field("ts", String.class), eventAt, localTime,
                        parsed.field("source_file", String.class), status.as("status"))
                .from(parsed)
                .asTable("c");
        Field<String> verdict = classified.field("status", String.class);
        Field<String> device = classified.field("device_id", String.class);
        var accepted = verdict.isNull();
        var rejected = verdict.isNotNull().and(verdict.ne(inline(OPTED_OUT)));

        return dsl.insertInto(CLASSIFIED_EVENT, DEVICE_KEY, CELL_KEY, EVENT_AT, LOCAL_TIME, STATUS, REJECTED_DEVICE_ID,
                        REJECTED_CELL_ID, REJECTED_TS, SOURCE_FILE)
                .select(select(
                        DSL.when(accepted, sql.keyedHash(runKey, device)).else_(DSL.castNull(SQLDataType.BIGINT)),
                        EngineSql.nullUnless(accepted, classified.field("cell_id", String.class)),
                        DSL.when(accepted, classified.field("event_at", OffsetDateTime.class))
                                .else_(DSL.castNull(SQLDataType.TIMESTAMPWITHTIMEZONE)),
                        DSL.when(accepted, classified.field("local_time", LocalDateTime.class))
                                .else_(DSL.castNull(SQLDataType.LOCALDATETIME)),
                        verdict,
                        EngineSql.nullUnless(rejected, device),
                        EngineSql.nullUnless(rejected, classified.field("cell_id", String.class)),
                        EngineSql.nullUnless(rejected, classified.field("ts", String.class)),
                        EngineSql.nullUnless(rejected, classified.field("source_file", String.class)))
                        .from(classified));
    }

    /**
     * Accepted events that are there more than once, one row each, into duplicate_group. Almost every
     * event is there once, so a GROUP BY on (device key, cell, instant) builds a hash table as large
     * as the drop. Instead each event's 64-bit hash is sorted and compared with its neighbour (about
     * half the CPU time in DuckDB); only events whose hash repeats are grouped exactly, which drops
     * the hash collisions that are not duplicates.
     */
    public Query findDuplicates() {
        Field<Long> eventHash = sql.eventHash(DEVICE_KEY, CELL_KEY, EVENT_AT);
        Table<?> hashes = select(eventHash.as("h")).from(CLASSIFIED_EVENT).where(STATUS.isNull()).asTable("e");
        Field<Long> hash = hashes.field("h", Long.class);
        Table<?> neighbours = select(hash, DSL.lag(hash).over(sql.hashNeighbours(hash)).as("previous"))
                .from(hashes)
                .asTable("n");
        Field<Long> repeated = neighbours.field("h", Long.class);
        return dsl.createTable(DUPLICATE_GROUP).as(
                // local time follows from the instant: grouping by it as well cost a third more time for nothing
                select(DEVICE_KEY, CELL_KEY, EVENT_AT, DSL.max(LOCAL_TIME).as(LOCAL_TIME.getName()))
                        .from(CLASSIFIED_EVENT)
                        .where(STATUS.isNull())
                        .and(eventHash.in(selectDistinct(repeated).from(neighbours)
                                .where(repeated.eq(neighbours.field("previous", Long.class)))))
                        .groupBy(DEVICE_KEY, CELL_KEY, EVENT_AT)
                        .having(count().gt(inline(1))));
    }

    /** How many events findDuplicates found; when none, the three statements below have nothing to do. */
    public ResultQuery<Record1<Integer>> duplicatedEvents() {
        return dsl.selectCount().from(DUPLICATE_GROUP);
    }

    /**
     * Reads raw_event again for the duplicated events only (devices and cells first, so the timestamps
     * of other rows are never parsed) and quarantines each copy after the first, by timestamp as
     * written, then file, as the operator wrote it.
     */
    public Insert<?> quarantineDuplicates(Manifest manifest, Field<String> runKey) {
        Field<String> rawDevice = sql.trimmedOrNull(RAW_DEVICE_ID);
        Field<String> rawCell = sql.trimmedOrNull(RAW_CELL_ID);
        Field<Long> rawKey = sql.keyedHash(runKey, rawDevice);
        Table<?> devicesAndCells = selectDistinct(DUPLICATE_KEY, DUPLICATE_CELL).from(DUPLICATE_GROUP).asTable("g");
        // typed instants narrow the rows to hash down to the duplicated instants; text has to be parsed first
        Table<?> candidates = select(RAW_DEVICE_ID, RAW_CELL_ID, RAW_TS, RAW_TS_AT, RAW_SOURCE_FILE)
                .from(RAW_EVENT)
                .where(RAW_TS_AT.isNull().or(RAW_TS_AT.in(select(DUPLICATE_AT).from(DUPLICATE_GROUP))))
                .asTable("raw");
        Table<?> sameDeviceAndCell = select(rawDevice.as("device_id"), rawCell.as("cell_id"), RAW_TS.as("ts"),
                        sql.trimmed(RAW_TS).as("ts_trimmed"), RAW_TS_AT.as("ts_at"), RAW_SOURCE_FILE.as("source_file"),
                        rawKey.as("device_key"))
                .from(candidates)
                .join(devicesAndCells)
                .on(devicesAndCells.field(DUPLICATE_KEY).eq(rawKey), devicesAndCells.field(DUPLICATE_CELL).eq(rawCell))
                .asTable("r");
        Table<?> parsed = select(sameDeviceAndCell.asterisk(),
                        sql.instant(sameDeviceAndCell.field("ts_at", OffsetDateTime.class),
                                sameDeviceAndCell.field("ts_trimmed", String.class)).as("event_at"))
                .from(sameDeviceAndCell)
                .asTable("t");
        Field<String> cellId = parsed.field("cell_id", String.class);
        Field<String> ts = parsed.field("ts", String.class);
        Field<String> sourceFile = parsed.field("source_file", String.class);
        Field<Long> deviceKey = parsed.field("device_key", Long.class);
        Field<OffsetDateTime> eventAt = parsed.field("event_at", OffsetDateTime.class);
        Table<?> copies = select(parsed.field("device_id", String.class), cellId, ts, sourceFile,
                        rowNumber().over(partitionBy(deviceKey, cellId, eventAt).orderBy(ts, sourceFile)).as("copy"))
                .from(parsed)
                .join(DUPLICATE_GROUP)
                .on(DUPLICATE_KEY.eq(deviceKey), DUPLICATE_CELL.eq(cellId), DUPLICATE_AT.eq(eventAt))
                .asTable("d");
        return dsl.insertInto(CLASSIFIED_EVENT, STATUS, REJECTED_DEVICE_ID, REJECTED_CELL_ID, REJECTED_TS, SOURCE_FILE)
                .select(select(reason(RejectReason.DUPLICATE), copies.field("device_id", String.class),
                        copies.field("cell_id", String.class), copies.field("ts", String.class),
                        copies.field("source_file", String.class))
                        .from(copies)
                        .where(copies.field("copy", Integer.class).gt(inline(1))));
    }

    /** Deletes every accepted copy of the duplicated events ({@link #keepOneOfEachDuplicate} puts one back). */
    public Query deleteDuplicatedCopies() {
        Condition sameEvent = STATUS.isNull().and(classified(DEVICE_KEY).eq(DUPLICATE_KEY))
                .and(classified(CELL_KEY).eq(DUPLICATE_CELL)).and(classified(EVENT_AT).eq(DUPLICATE_AT));
        if (dsl.dialect().family() == SQLDialect.TRINO) {
            // Trino has no DELETE ... USING (jOOQ would emulate it with a rowid Trino does not have)
            return dsl.deleteFrom(CLASSIFIED_EVENT).where(STATUS.isNull())
                    .and(DSL.row(DEVICE_KEY, CELL_KEY, EVENT_AT)
                            .in(select(DUPLICATE_KEY, DUPLICATE_CELL, DUPLICATE_AT).from(DUPLICATE_GROUP)));
        }
        // not "(key, cell, at) in (select ...)": jOOQ renders that for DuckDB as a correlated EXISTS, which
        // DuckDB answered by hashing every accepted row (5 CPU-seconds on 10 million events)
        return dsl.deleteFrom(CLASSIFIED_EVENT).using(DUPLICATE_GROUP).where(sameEvent);
    }

    /** One accepted row per duplicated event. */
    public Insert<?> keepOneOfEachDuplicate() {
        return dsl.insertInto(CLASSIFIED_EVENT, DEVICE_KEY, CELL_KEY, EVENT_AT, LOCAL_TIME)
                .select(select(DUPLICATE_KEY, DUPLICATE_CELL, DUPLICATE_AT, DUPLICATE_LOCAL_TIME).from(DUPLICATE_GROUP));
    }

    /** How many rows got each status (null: accepted). */
    public ResultQuery<Record2<String, Long>> statusCounts() {
        return dsl.select(STATUS, count().cast(SQLDataType.BIGINT)).from(CLASSIFIED_EVENT).groupBy(STATUS);
    }

    /**
     * Of the rows rejected as bad_timestamp, those whose timestamp is a date and time without a UTC
     * offset (the commonest cause, worth its own explanation): how many, and the first of them.
     */
    public ResultQuery<Record2<Integer, String>> timestampsWithoutOffset() {
        return dsl.select(count(), DSL.min(REJECTED_TS)).from(CLASSIFIED_EVENT)
                .where(STATUS.eq(reason(RejectReason.BAD_TIMESTAMP)))
                .and(sql.matches(sql.trimmed(REJECTED_TS), EngineSql.LOCAL_DATE_TIME));
    }

    /** The rejected rows with the values as the operator wrote them, for the quarantine file. */
    public ResultQuery<Record5<String, String, String, String, String>> rejectedRows() {
        return dsl.select(STATUS, SOURCE_FILE, REJECTED_DEVICE_ID, REJECTED_CELL_ID, REJECTED_TS)
                .from(CLASSIFIED_EVENT)
                .where(STATUS.isNotNull().and(STATUS.ne(inline(OPTED_OUT))));
    }

    /** raw_event with trimmed ids, the instant its timestamp denotes and that instant's local time. */
    private Table<?> parsed(Manifest manifest) {
        Table<?> trimmed = select(sql.trimmedOrNull(RAW_DEVICE_ID).as("device_id"),
                        sql.trimmedOrNull(RAW_CELL_ID).as("cell_id"), RAW_TS.as("ts"),
                        sql.trimmed(RAW_TS).as("ts_trimmed"), RAW_TS_AT.as("ts_at"), RAW_SOURCE_FILE.as("source_file"))
                .from(RAW_EVENT)
                .asTable("r");
        Table<?> instants = select(trimmed.field("device_id"), trimmed.field("cell_id"), trimmed.field("ts"),
                        sql.instant(trimmed.field("ts_at", OffsetDateTime.class), trimmed.field("ts_trimmed", String.class))
                                .as("event_at"),
                        trimmed.field("source_file"))
                .from(trimmed)
                .asTable("i");
        return select(instants.asterisk(),
                sql.localTime(instants.field("event_at", OffsetDateTime.class), manifest.timeZone(),
                        manifest.periodFrom(), manifest.periodTo()).as("local_time"))
                .from(instants)
                .asTable("p");
    }

    /** A column of classified_event, qualified (duplicate_group has columns of the same names). */
    private static <T> Field<T> classified(Field<T> column) {
        return DSL.field(DSL.name(CLASSIFIED_EVENT.getName(), column.getName()), column.getDataType());
    }

    private static Field<String> reason(RejectReason reason) {
        return inline(reason.code());
    }
}
