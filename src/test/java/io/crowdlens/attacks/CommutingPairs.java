package io.crowdlens.attacks;

import static io.crowdlens.db.Tables.COMMUTING_DEPARTURE;
import static io.crowdlens.db.Tables.COMMUTING_OD;

import io.crowdlens.testing.Fixtures;
import org.jooq.DSLContext;

/** Stored commuting figures, as the pipeline writes them, for the attack fixtures. */
final class CommutingPairs {

    private CommutingPairs() {
    }

    static void pair(DSLContext db, long release, long home, long work, int commuters) {
        db.insertInto(COMMUTING_OD).set(COMMUTING_OD.RELEASE_ID, release).set(COMMUTING_OD.LAYER_CODE, Fixtures.DISTRICTS)
                .set(COMMUTING_OD.HOME_AREA_ID, home).set(COMMUTING_OD.WORK_AREA_ID, work)
                .set(COMMUTING_OD.COMMUTERS, commuters).execute();
    }

    static void departure(DSLContext db, long release, long home, long work, int hour, int commuters) {
        db.insertInto(COMMUTING_DEPARTURE).set(COMMUTING_DEPARTURE.RELEASE_ID, release)
                .set(COMMUTING_DEPARTURE.HOME_AREA_ID, home).set(COMMUTING_DEPARTURE.WORK_AREA_ID, work)
                .set(COMMUTING_DEPARTURE.HOUR_OF_DAY, (short) hour).set(COMMUTING_DEPARTURE.COMMUTERS, commuters)
                .execute();
    }
}
