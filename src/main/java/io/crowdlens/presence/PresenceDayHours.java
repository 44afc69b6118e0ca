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

    private static final List<Field<Integer>> HOURS = List.of(PRESENCE_DAY_HOURS.H00, PRESENCE_DAY_HOURS.H01,
            PRESENCE_DAY_HOURS.H02, PRESENCE_DAY_HOURS.H03, PRESENCE_DAY_HOURS.H04, PRESENCE_DAY_HOURS.H05,
            PRESENCE_DAY_HOURS.H06, PRESENCE_DAY_HOURS.H07, PRESENCE_DAY_HOURS.H08, PRESENCE_DAY_HOURS.H09,
            PRESENCE_DAY_HOURS.H10, PRESENCE_DAY_HOURS.H11, PRESENCE_DAY_HOURS.H12, PRESENCE_DAY_HOURS.H13,
            PRESENCE_DAY_HOURS.H14, PRESENCE_DAY_HOURS.H15, PRESENCE_DAY_HOURS.H16, PRESENCE_DAY_HOURS.H17,
            PRESENCE_DAY_HOURS.H18, PRESENCE_DAY_HOURS.H19, PRESENCE_DAY_HOURS.H20, PRESENCE_DAY_HOURS.H21,
            PRESENCE_DAY_HOURS.H22, PRESENCE_DAY_HOURS.H23);

    /** The column of one hour of day (0-23). */
    public static Field<Integer> hour(int hourOfDay) {
        return HOURS.get(hourOfDay);
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
