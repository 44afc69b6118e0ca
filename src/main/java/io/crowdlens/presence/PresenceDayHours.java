package io.crowdlens.presence;

import static io.crowdlens.db.Tables.PRESENCE_DAY_HOURS;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.when;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectField;

/**
 * presence_day_hours: a release's published hourly figures as one row per area and day with the 24
 * hours side by side (decision 017), derived in the serving database from presence_hourly so the two
 * can never disagree. Called inside the publishing transaction, after the hourly rows are written.
 */
public final class PresenceDayHours {

    private PresenceDayHours() {
    }

    /** The column of one hour of day (0-23). */
    public static Field<Integer> hour(int hourOfDay) {
        if (hourOfDay < 0 || hourOfDay > 23) {
            throw new IllegalArgumentException("hour of day " + hourOfDay);
        }
        return PRESENCE_DAY_HOURS.field("h%02d".formatted(hourOfDay), Integer.class);
    }

    /** (Re)writes the release's rows from its presence_hourly rows; returns how many rows it wrote. */
    public static int project(DSLContext db, long releaseId) {
        db.deleteFrom(PRESENCE_DAY_HOURS).where(PRESENCE_DAY_HOURS.RELEASE_ID.eq(releaseId)).execute();
        List<Field<?>> columns = new ArrayList<>(List.of(PRESENCE_DAY_HOURS.RELEASE_ID, PRESENCE_DAY_HOURS.LAYER_CODE,
                PRESENCE_DAY_HOURS.LOCAL_DAY, PRESENCE_DAY_HOURS.AREA_ID));
        List<SelectField<?>> values = new ArrayList<>(List.of(PRESENCE_HOURLY.RELEASE_ID, PRESENCE_HOURLY.LAYER_CODE,
                PRESENCE_HOURLY.LOCAL_DAY, PRESENCE_HOURLY.AREA_ID));
        for (int h = 0; h < 24; h++) {
            columns.add(hour(h));
            values.add(max(when(PRESENCE_HOURLY.HOUR_OF_DAY.eq((short) h), PRESENCE_HOURLY.DEVICES)));
        }
        return db.insertInto(PRESENCE_DAY_HOURS).columns(columns)
                .select(db.select(values).from(PRESENCE_HOURLY)
                        .where(PRESENCE_HOURLY.RELEASE_ID.eq(releaseId))
                        .groupBy(PRESENCE_HOURLY.RELEASE_ID, PRESENCE_HOURLY.LAYER_CODE, PRESENCE_HOURLY.LOCAL_DAY,
                                PRESENCE_HOURLY.AREA_ID))
                .execute();
    }
}
