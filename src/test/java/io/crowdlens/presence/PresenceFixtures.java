package io.crowdlens.presence;

import static io.crowdlens.db.Tables.PRESENCE_DAILY;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;

import io.crowdlens.common.Dataset;
import io.crowdlens.security.Role;
import io.crowdlens.testing.Fixtures;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/** A small published presence release whose figures are counted by hand in the tests. */
final class PresenceFixtures {

    static final LocalDate MON = LocalDate.of(2026, 10, 19);
    static final LocalDate TUE = MON.plusDays(1);
    static final LocalDate SAT = MON.plusDays(5);

    record Ids(long oldTown, long harbour, long quiet, long release) {
    }

    private PresenceFixtures() {
    }

    /**
     * Districts old-town, harbour, quiet; Retail Co (analyst ana@retail.test) licensed for the whole
     * layer, Planner Co (pia@planner.test) for harbour only; both for two weeks from {@link #MON}.
     * Old town: Mon 08 = 40, Mon 09 = 20, Tue 08 = 30, Tue 09 fewer than k (not stored), Sat 08 = 100.
     * Harbour: Mon 08 = 16. Quiet: nothing published.
     * Daily distinct devices: old town Mon 50, Tue 35, Sat 100; harbour Mon 16 (other days fewer than k).
     */
    static Ids releaseWithHandCountedFigures(DSLContext db) {
        Fixtures fixtures = new Fixtures(db);
        fixtures.layers();
        long oldTown = fixtures.area(Fixtures.DISTRICTS, "old-town");
        long harbour = fixtures.area(Fixtures.DISTRICTS, "harbour");
        long quiet = fixtures.area(Fixtures.DISTRICTS, "quiet");
        long retail = fixtures.organisation("Retail Co");
        long planner = fixtures.organisation("Planner Co");
        fixtures.user(retail, "ana@retail.test", "{noop}x", Role.PARTNER_ANALYST);
        fixtures.user(planner, "pia@planner.test", "{noop}x", Role.PARTNER_ANALYST);
        OffsetDateTime nextYear = OffsetDateTime.now().plusYears(1);
        fixtures.licence(retail, Dataset.PRESENCE, Fixtures.DISTRICTS, MON, MON.plusDays(13), nextYear, null);
        fixtures.licence(planner, Dataset.PRESENCE, Fixtures.DISTRICTS, MON, MON.plusDays(13), nextYear, null, harbour);
        long release = fixtures.publishedRelease(Dataset.PRESENCE, MON, MON.plusDays(13), 15);
        hourly(db, release, oldTown, MON, 8, 40);
        hourly(db, release, oldTown, MON, 9, 20);
        hourly(db, release, oldTown, TUE, 8, 30);
        hourly(db, release, oldTown, SAT, 8, 100);
        hourly(db, release, harbour, MON, 8, 16);
        daily(db, release, oldTown, MON, 50);
        daily(db, release, oldTown, TUE, 35);
        daily(db, release, oldTown, SAT, 100);
        daily(db, release, harbour, MON, 16);
        return new Ids(oldTown, harbour, quiet, release);
    }

    /** An analyst (nia@nodata.test) whose organisation has no presence licence. */
    static void partnerWithoutData(DSLContext db) {
        Fixtures fixtures = new Fixtures(db);
        long org = fixtures.organisation("No Data Co");
        fixtures.user(org, "nia@nodata.test", "{noop}x", Role.PARTNER_ANALYST);
    }

    static void daily(DSLContext db, long release, long area, LocalDate day, int devices) {
        db.insertInto(PRESENCE_DAILY)
                .set(PRESENCE_DAILY.RELEASE_ID, release).set(PRESENCE_DAILY.LAYER_CODE, Fixtures.DISTRICTS)
                .set(PRESENCE_DAILY.LOCAL_DAY, day).set(PRESENCE_DAILY.AREA_ID, area)
                .set(PRESENCE_DAILY.DEVICES, devices).execute();
    }

    static void hourly(DSLContext db, long release, long area, LocalDate day, int hour, int devices) {
        db.insertInto(PRESENCE_HOURLY)
                .set(PRESENCE_HOURLY.RELEASE_ID, release).set(PRESENCE_HOURLY.LAYER_CODE, Fixtures.DISTRICTS)
                .set(PRESENCE_HOURLY.LOCAL_DAY, day).set(PRESENCE_HOURLY.HOUR_OF_DAY, (short) hour)
                .set(PRESENCE_HOURLY.AREA_ID, area).set(PRESENCE_HOURLY.DEVICES, devices).execute();
        PresenceDayHours.project(db, release);
    }
}
