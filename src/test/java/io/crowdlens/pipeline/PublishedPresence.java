package io.crowdlens.pipeline;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.PRESENCE_DAILY;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;

import io.crowdlens.pipeline.presence.PresenceCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;

/** Reads back what a release put into the serving database. */
final class PublishedPresence {

    private PublishedPresence() {
    }

    static List<PresenceCount> of(DSLContext db, long releaseId) {
        List<PresenceCount> rows = new ArrayList<>();
        db.select(PRESENCE_HOURLY.LAYER_CODE, AREA.CODE, PRESENCE_HOURLY.LOCAL_DAY, PRESENCE_HOURLY.HOUR_OF_DAY,
                        PRESENCE_HOURLY.DEVICES)
                .from(PRESENCE_HOURLY).join(AREA).on(AREA.ID.eq(PRESENCE_HOURLY.AREA_ID))
                .where(PRESENCE_HOURLY.RELEASE_ID.eq(releaseId))
                .forEach(r -> rows.add(new PresenceCount(r.value1(), r.value2(), r.value3(), r.value4().intValue(),
                        r.value5())));
        db.select(PRESENCE_DAILY.LAYER_CODE, AREA.CODE, PRESENCE_DAILY.LOCAL_DAY, PRESENCE_DAILY.DEVICES)
                .from(PRESENCE_DAILY).join(AREA).on(AREA.ID.eq(PRESENCE_DAILY.AREA_ID))
                .where(PRESENCE_DAILY.RELEASE_ID.eq(releaseId))
                .forEach(r -> rows.add(new PresenceCount(r.value1(), r.value2(), r.value3(), null, r.value4())));
        return rows;
    }

    /** Every row of every table a run may write, to show a failed run changed nothing. */
    static Map<String, List<Record>> snapshot(DSLContext db) {
        return Map.of(
                "data_release", all(db, DATA_RELEASE),
                "area", all(db, AREA),
                "presence_hourly", all(db, PRESENCE_HOURLY),
                "presence_daily", all(db, PRESENCE_DAILY),
                "presence_day_hours", all(db, io.crowdlens.db.Tables.PRESENCE_DAY_HOURS),
                "area_layer", all(db, io.crowdlens.db.Tables.AREA_LAYER));
    }

    private static List<Record> all(DSLContext db, Table<?> table) {
        return new ArrayList<>(db.selectFrom(table).orderBy(table.fields()).fetch().stream().map(r -> (Record) r).toList());
    }
}
