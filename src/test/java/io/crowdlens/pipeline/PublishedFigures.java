package io.crowdlens.pipeline;

import static io.crowdlens.db.Tables.COMMUTING_DEPARTURE;
import static io.crowdlens.db.Tables.COMMUTING_OD;
import static io.crowdlens.db.Tables.CORRIDOR;
import static io.crowdlens.db.Tables.CORRIDOR_PASS;
import static io.crowdlens.db.Tables.PRESENCE_DAILY;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;
import static io.crowdlens.db.Tables.VISITS_CATCHMENT;
import static io.crowdlens.db.Tables.VISITS_DAILY;
import static io.crowdlens.db.Tables.VISITS_DWELL;
import static io.crowdlens.db.Tables.VISITS_HOURLY;

import io.crowdlens.privacy.FigureFamily;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;

/** The stored figures of one family of a release, keyed by where they are, to compare two releases of a drop. */
public final class PublishedFigures {

    private PublishedFigures() {
    }

    /** A release's stored figures of one family, keyed by where they are (area ids are stable across releases). */
    public static Map<String, Integer> of(DSLContext db, FigureFamily family, long release) {
        ResultQuery<? extends Record> query = switch (family) {
            case PRESENCE_HOURLY -> db.select(PRESENCE_HOURLY.AREA_ID, PRESENCE_HOURLY.LOCAL_DAY,
                    PRESENCE_HOURLY.HOUR_OF_DAY, PRESENCE_HOURLY.DEVICES).from(PRESENCE_HOURLY)
                    .where(PRESENCE_HOURLY.RELEASE_ID.eq(release));
            case PRESENCE_DAILY -> db.select(PRESENCE_DAILY.AREA_ID, PRESENCE_DAILY.LOCAL_DAY, PRESENCE_DAILY.DEVICES)
                    .from(PRESENCE_DAILY).where(PRESENCE_DAILY.RELEASE_ID.eq(release));
            case VISITS_HOURLY -> db.select(VISITS_HOURLY.SITE_ID, VISITS_HOURLY.LOCAL_DAY, VISITS_HOURLY.HOUR_OF_DAY,
                    VISITS_HOURLY.VISITORS).from(VISITS_HOURLY).where(VISITS_HOURLY.RELEASE_ID.eq(release));
            case VISITS_DAILY -> db.select(VISITS_DAILY.SITE_ID, VISITS_DAILY.LOCAL_DAY, VISITS_DAILY.VISITORS)
                    .from(VISITS_DAILY).where(VISITS_DAILY.RELEASE_ID.eq(release));
            case VISITS_DWELL -> db.select(VISITS_DWELL.SITE_ID, VISITS_DWELL.LOCAL_DAY, VISITS_DWELL.DWELL_FROM_MINUTES,
                    VISITS_DWELL.VISITS).from(VISITS_DWELL).where(VISITS_DWELL.RELEASE_ID.eq(release));
            case VISITS_LOYALTY -> null; // two figures per row, published both or neither: checked through the others
            case VISITS_CATCHMENT -> db.select(VISITS_CATCHMENT.SITE_ID, VISITS_CATCHMENT.AREA_ID,
                    VISITS_CATCHMENT.VISITORS).from(VISITS_CATCHMENT).where(VISITS_CATCHMENT.RELEASE_ID.eq(release));
            case COMMUTING_OD -> db.select(COMMUTING_OD.HOME_AREA_ID, COMMUTING_OD.WORK_AREA_ID, COMMUTING_OD.COMMUTERS)
                    .from(COMMUTING_OD).where(COMMUTING_OD.RELEASE_ID.eq(release));
            case COMMUTING_DEPARTURE -> db.select(COMMUTING_DEPARTURE.HOME_AREA_ID, COMMUTING_DEPARTURE.WORK_AREA_ID,
                    COMMUTING_DEPARTURE.HOUR_OF_DAY, COMMUTING_DEPARTURE.COMMUTERS).from(COMMUTING_DEPARTURE)
                    .where(COMMUTING_DEPARTURE.RELEASE_ID.eq(release));
            case CORRIDOR_PASSES -> db.select(CORRIDOR.CODE, CORRIDOR_PASS.LOCAL_DAY, CORRIDOR_PASS.HOUR_OF_DAY,
                    CORRIDOR_PASS.DIRECTION, CORRIDOR_PASS.PASSES).from(CORRIDOR_PASS)
                    .join(CORRIDOR).on(CORRIDOR.ID.eq(CORRIDOR_PASS.CORRIDOR_ID))
                    .where(CORRIDOR_PASS.RELEASE_ID.eq(release));
        };
        Map<String, Integer> figures = new HashMap<>();
        if (query == null) {
            return figures;
        }
        for (Record row : query.fetch()) {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < row.size() - 1; i++) {
                key.append(row.get(i)).append('|');
            }
            figures.put(key.toString(), ((Number) row.get(row.size() - 1)).intValue());
        }
        return figures;
    }
}
