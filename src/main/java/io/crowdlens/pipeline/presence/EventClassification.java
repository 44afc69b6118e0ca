package io.crowdlens.pipeline.presence;

import static io.crowdlens.pipeline.presence.ScratchTables.CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CLASSIFIED_EVENT;
import static io.crowdlens.pipeline.presence.ScratchTables.DEVICE_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.DROP_CELL;
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
import static io.crowdlens.pipeline.presence.ScratchTables.REJECTED_CELL_ID;
import static io.crowdlens.pipeline.presence.ScratchTables.REJECTED_DEVICE_ID;
import static io.crowdlens.pipeline.presence.ScratchTables.REJECTED_TS;
import static io.crowdlens.pipeline.presence.ScratchTables.SOURCE_FILE;
import static io.crowdlens.pipeline.presence.ScratchTables.STATUS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import io.crowdlens.pipeline.drop.Manifest;
import io.crowdlens.pipeline.drop.RejectReason;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.jooq.CreateTableElementListStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Insert;
import org.jooq.Record2;
import org.jooq.Record5;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Validation and opt-out removal, as one query over raw_event: every row gets a status (null for
 * accepted, {@value ScratchTables#OPTED_OUT}, or a reject reason) and accepted rows get the run's
 * re-keyed device id. Written once; {@link EngineSql} supplies the few engine-specific expressions.
 * The first matching reason wins, in the order of the CASE below.
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
     * @param runKey the run's secret for re-keying device ids; bound, never rendered into the SQL
     */
    public Insert<?> classify(Manifest manifest, String runKey) {
        Field<String> deviceId = field(name("p", "device_id"), SQLDataType.VARCHAR);
        Field<String> cellId = field(name("p", "cell_id"), SQLDataType.VARCHAR);
        Field<String> ts = field(name("p", "ts"), SQLDataType.VARCHAR);
        Field<OffsetDateTime> eventAt = field(name("p", "event_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
        Field<LocalDateTime> localTime = field(name("p", "local_time"), SQLDataType.LOCALDATETIME);
        Field<String> sourceFile = field(name("p", "source_file"), SQLDataType.VARCHAR);

        Field<String> rawDeviceId = EngineSql.trimmedOrNull(RAW_DEVICE_ID).as("device_id");
        Field<String> rawCellId = EngineSql.trimmedOrNull(RAW_CELL_ID).as("cell_id");
        Field<OffsetDateTime> instant = sql.instant(DSL.trim(RAW_TS)).as("event_at");
        Table<?> instants = select(rawDeviceId, rawCellId, RAW_TS.as("ts"), instant, RAW_SOURCE_FILE.as("source_file"))
                .from(RAW_EVENT)
                .asTable("i");
        Table<?> parsed = select(instants.asterisk(),
                sql.localTime(instants.field("event_at", OffsetDateTime.class), manifest.timeZone(),
                        manifest.periodFrom(), manifest.periodTo()).as("local_time"))
                .from(instants)
                .asTable("p");

        Field<LocalDate> localDay = DSL.cast(localTime, SQLDataType.LOCALDATE);
        Field<String> status = DSL.case_()
                .when(deviceId.isNull(), reason(RejectReason.EMPTY_DEVICE_ID))
                .when(exists(selectOne().from(OPTOUT).where(OPTOUT_DEVICE_ID.eq(deviceId))), inline(OPTED_OUT))
                .when(eventAt.isNull(), reason(RejectReason.BAD_TIMESTAMP))
                .when(notExists(selectOne().from(DROP_CELL).where(DROP_CELL_KEY.eq(cellId))), reason(RejectReason.UNKNOWN_CELL))
                .when(localDay.notBetween(inline(manifest.periodFrom()), inline(manifest.periodTo())),
                        reason(RejectReason.OUTSIDE_PERIOD))
                .when(rowNumber().over(partitionBy(deviceId, cellId, eventAt).orderBy(ts, sourceFile)).gt(inline(1)),
                        reason(RejectReason.DUPLICATE))
                .else_(DSL.castNull(SQLDataType.VARCHAR));

        Table<?> classified = select(deviceId, cellId, ts, eventAt, localTime, sourceFile, status.as("status"))
                .from(parsed)
                .asTable("c");
        Field<String> verdict = classified.field("status", String.class);
        Field<String> device = classified.field("device_id", String.class);
        var accepted = verdict.isNull();
        var rejected = verdict.isNotNull().and(verdict.ne(inline(OPTED_OUT)));

        return dsl.insertInto(CLASSIFIED_EVENT, DEVICE_KEY, CELL_KEY, EVENT_AT, LOCAL_TIME, STATUS, REJECTED_DEVICE_ID,
                        REJECTED_CELL_ID, REJECTED_TS, SOURCE_FILE)
                .select(select(
                        DSL.when(accepted, sql.keyedHash(val(runKey), device)).else_(DSL.castNull(SQLDataType.BIGINT)),
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

    /** How many rows got each status (null: accepted). */
    public ResultQuery<Record2<String, Long>> statusCounts() {
        return dsl.select(STATUS, count().cast(SQLDataType.BIGINT)).from(CLASSIFIED_EVENT).groupBy(STATUS);
    }

    /** The rejected rows with the values as the operator wrote them, for the quarantine file. */
    public ResultQuery<Record5<String, String, String, String, String>> rejectedRows() {
        return dsl.select(STATUS, SOURCE_FILE, REJECTED_DEVICE_ID, REJECTED_CELL_ID, REJECTED_TS)
                .from(CLASSIFIED_EVENT)
                .where(STATUS.isNotNull().and(STATUS.ne(inline(OPTED_OUT))));
    }

    private static Field<String> reason(RejectReason reason) {
        return inline(reason.code());
    }
}
