package io.crowdlens.commuting;

import static io.crowdlens.db.Tables.COMMUTING_DEPARTURE;
import static io.crowdlens.db.Tables.COMMUTING_OD;
import static io.crowdlens.db.Tables.CORRIDOR;
import static io.crowdlens.db.Tables.CORRIDOR_PASS;

import io.crowdlens.common.Dataset;
import io.crowdlens.security.Role;
import io.crowdlens.testing.Fixtures;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/**
 * A small published commuting release whose figures are counted by hand in the tests (release k = 15,
 * two weeks from Monday {@link #MON}).
 *
 * <pre>
 * pairs (home -> work): north->centre 40, south->centre 25, east->centre 18, north->south 16, centre->north 15
 * commuters by usual departure hour (pair, hour: commuters): north->centre 7: 22, 8: 18; south->centre 7: 17
 *     (its 8 commuters at 8 are below k: not stored); east->centre 8: 18; north->south 6: 16
 * corridor K1 "A11", devices passing: Mon 07 inbound 55, Tue 07 inbound 38, Mon 17 outbound 50,
 *     Tue 17 outbound 16, Sat 11 outbound 18
 * </pre>
 *
 * Partners: tom@transit.test (whole layer, k 15), sam@strict.test (whole layer, licence k 20),
 * lea@local.test (south only), oli@old.test (whole layer, first week only).
 */
final class CommutingFixtures {

    static final LocalDate MON = LocalDate.of(2026, 10, 19);
    static final LocalDate TUE = MON.plusDays(1);
    static final LocalDate SAT = MON.plusDays(5);
    static final LocalDate SUN = MON.plusDays(6);
    static final LocalDate LAST = MON.plusDays(13);

    record Ids(long north, long centre, long south, long east, long corridor, long release) {
    }

    private CommutingFixtures() {
    }

    static Ids release(DSLContext db) {
        Fixtures fixtures = new Fixtures(db);
        fixtures.layers();
        long north = fixtures.area(Fixtures.DISTRICTS, "north");
        long centre = fixtures.area(Fixtures.DISTRICTS, "centre");
        long south = fixtures.area(Fixtures.DISTRICTS, "south");
        long east = fixtures.area(Fixtures.DISTRICTS, "east");
        OffsetDateTime nextYear = OffsetDateTime.now().plusYears(1);
        partner(fixtures, "Transit Co", "tom@transit.test", MON, LAST, null);
        partner(fixtures, "Strict Co", "sam@strict.test", MON, LAST, 20);
        partner(fixtures, "Local Co", "lea@local.test", MON, LAST, null, south);
        partner(fixtures, "Old Co", "oli@old.test", MON, MON.plusDays(6), null);
        long release = fixtures.publishedRelease(Dataset.COMMUTING, MON, LAST, 15);

        pair(db, release, north, centre, 40);
        pair(db, release, south, centre, 25);
        pair(db, release, east, centre, 18);
        pair(db, release, north, south, 16);
        pair(db, release, centre, north, 15);
        departure(db, release, north, centre, 7, 22);
        departure(db, release, north, centre, 8, 18);
        departure(db, release, south, centre, 7, 17);
        departure(db, release, east, centre, 8, 18);
        departure(db, release, north, south, 6, 16);

        long corridor = db.insertInto(CORRIDOR)
                .set(CORRIDOR.RELEASE_ID, release).set(CORRIDOR.CODE, "K1").set(CORRIDOR.NAME, "A11")
                .set(CORRIDOR.GEOMETRY, "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}")
                .set(CORRIDOR.BUFFER_METRES, 500).set(CORRIDOR.CELL_COUNT, 14)
                .returningResult(CORRIDOR.ID).fetchSingle().value1();
        pass(db, release, corridor, MON, 7, "INBOUND", 55);
        pass(db, release, corridor, TUE, 7, "INBOUND", 38);
        pass(db, release, corridor, MON, 17, "OUTBOUND", 50);
        pass(db, release, corridor, TUE, 17, "OUTBOUND", 16);
        pass(db, release, corridor, SAT, 11, "OUTBOUND", 18);
        return new Ids(north, centre, south, east, corridor, release);
    }

    private static void partner(Fixtures fixtures, String organisation, String user, LocalDate from, LocalDate to,
            Integer minK, long... areas) {
        long org = fixtures.organisation(organisation);
        fixtures.user(org, user, "{noop}x", Role.PARTNER_ANALYST);
        fixtures.licence(org, Dataset.COMMUTING, Fixtures.DISTRICTS, from, to, OffsetDateTime.now().plusYears(1), minK,
                areas);
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

    private static void pass(DSLContext db, long release, long corridor, LocalDate day, int hour, String direction,
            int passes) {
        db.insertInto(CORRIDOR_PASS).set(CORRIDOR_PASS.RELEASE_ID, release).set(CORRIDOR_PASS.CORRIDOR_ID, corridor)
                .set(CORRIDOR_PASS.LOCAL_DAY, day).set(CORRIDOR_PASS.HOUR_OF_DAY, (short) hour)
                .set(CORRIDOR_PASS.DIRECTION, direction).set(CORRIDOR_PASS.PASSES, passes).execute();
    }
}
