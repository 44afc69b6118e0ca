package io.crowdlens.visits;

import static io.crowdlens.db.Tables.SITE;
import static io.crowdlens.db.Tables.SITE_AREA;
import static io.crowdlens.db.Tables.VISITS_CATCHMENT;
import static io.crowdlens.db.Tables.VISITS_DAILY;
import static io.crowdlens.db.Tables.VISITS_DWELL;
import static io.crowdlens.db.Tables.VISITS_RELEASE_BUCKET;
import static io.crowdlens.db.Tables.VISITS_HOURLY;
import static io.crowdlens.db.Tables.VISITS_LOYALTY;
import static io.crowdlens.db.Tables.VISITS_RELEASE_SITE;

import io.crowdlens.common.Dataset;
import io.crowdlens.security.Role;
import io.crowdlens.testing.Fixtures;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;

/** A small published visitors release whose figures are counted by hand in the tests. */
final class VisitsFixtures {

    /** Monday 19 October 2026; the release covers two weeks. */
    static final LocalDate MON = LocalDate.of(2026, 10, 19);
    static final LocalDate TUE = MON.plusDays(1);
    static final LocalDate WED = MON.plusDays(2);
    static final LocalDate SAT = MON.plusDays(5);
    static final LocalDate SUN = MON.plusDays(6);

    record Ids(long mall, long pier, long outside, long oldTown, long harbour, long release) {
    }

    private VisitsFixtures() {
    }

    /**
     * Sites: Mall (in district old-town), Pier (in harbour), Outside (in no district). Release k = 15.
     * Retail Co (ana@retail.test): visits licence for the whole district layer; Harbour Co
     * (hal@harbour.test): harbour only; Strict Co (sam@strict.test): whole layer with k = 20.
     * <ul>
     * <li>hourly, Mall: Mon 12h 60, Tue 12h 30, Mon 13h 16, Sat 14h 100, Sun 14h 30; Pier: Mon 12h 16</li>
     * <li>daily, Mall: Mon 120, Tue 90, Sat 300; Pier: Mon 16</li>
     * <li>dwell (buckets 10-20, 20-30, 30-60 min), Mall: Mon 10-20 min 30 visits, Tue 10-20 min 18, Mon 30-60
     * min 16; Pier: Mon 20-30 min 16</li>
     * <li>first-time/returning, Mall: Tue 50/40, Wed 60/16</li>
     * <li>catchment (district layer), Mall: old-town 40, harbour 16</li>
     * </ul>
     * Codes and user names are unique per call (the shared test database keeps other tests' rows).
     */
    static Ids releaseWithHandCountedFigures(DSLContext db) {
        Fixtures fixtures = new Fixtures(db);
        fixtures.layers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        long oldTown = fixtures.area(Fixtures.DISTRICTS, "old-town-" + run);
        long harbour = fixtures.area(Fixtures.DISTRICTS, "harbour-" + run);
        long mall = site(db, "MALL-" + run, "Mall " + run, oldTown);
        long pier = site(db, "PIER-" + run, "Pier " + run, harbour);
        long outside = site(db, "OUT-" + run, "Outside " + run, null);
        OffsetDateTime nextYear = OffsetDateTime.now().plusYears(1);
        LocalDate last = MON.plusDays(13);
        long retail = fixtures.organisation("Retail Co " + run);
        fixtures.user(retail, "ana@retail.test", "{noop}x", Role.PARTNER_ANALYST);
        fixtures.licence(retail, Dataset.VISITS, Fixtures.DISTRICTS, MON, last, nextYear, null);
        long harbourCo = fixtures.organisation("Harbour Co " + run);
        fixtures.user(harbourCo, "hal@harbour.test", "{noop}x", Role.PARTNER_ANALYST);
        fixtures.licence(harbourCo, Dataset.VISITS, Fixtures.DISTRICTS, MON, last, nextYear, null, harbour);
        long strict = fixtures.organisation("Strict Co " + run);
        fixtures.user(strict, "sam@strict.test", "{noop}x", Role.PARTNER_ANALYST);
        fixtures.licence(strict, Dataset.VISITS, Fixtures.DISTRICTS, MON, last, nextYear, 20);

        long release = fixtures.publishedRelease(Dataset.VISITS, MON, last, 15);
        for (long site : new long[] {mall, pier, outside}) {
            db.insertInto(VISITS_RELEASE_SITE).set(VISITS_RELEASE_SITE.RELEASE_ID, release)
                    .set(VISITS_RELEASE_SITE.SITE_ID, site).execute();
        }
        hourly(db, release, mall, MON, 12, 60);
        hourly(db, release, mall, TUE, 12, 30);
        hourly(db, release, mall, MON, 13, 16);
        hourly(db, release, mall, SAT, 14, 100);
        hourly(db, release, mall, SUN, 14, 30);
        hourly(db, release, pier, MON, 12, 16);
        daily(db, release, mall, MON, 120);
        daily(db, release, mall, TUE, 90);
        daily(db, release, mall, SAT, 300);
        daily(db, release, pier, MON, 16);
        for (int[] bucket : new int[][] {{10, 20}, {20, 30}, {30, 60}}) {
            db.insertInto(VISITS_RELEASE_BUCKET).set(VISITS_RELEASE_BUCKET.RELEASE_ID, release)
                    .set(VISITS_RELEASE_BUCKET.DWELL_FROM_MINUTES, (short) bucket[0])
                    .set(VISITS_RELEASE_BUCKET.DWELL_TO_MINUTES, (short) bucket[1]).execute();
        }
        dwell(db, release, mall, MON, 10, 20, 30);
        dwell(db, release, mall, TUE, 10, 20, 18);
        dwell(db, release, mall, MON, 30, 60, 16);
        dwell(db, release, pier, MON, 20, 30, 16);
        loyalty(db, release, mall, TUE, 50, 40);
        loyalty(db, release, mall, WED, 60, 16);
        home(db, release, mall, oldTown, 40);
        home(db, release, mall, harbour, 16);
        return new Ids(mall, pier, outside, oldTown, harbour, release);
    }

    private static long site(DSLContext db, String code, String name, Long area) {
        long id = db.insertInto(SITE).set(SITE.CODE, code).set(SITE.NAME, name).set(SITE.CATEGORY, "shopping_centre")
                .set(SITE.GEOMETRY, "{\"type\":\"Point\",\"coordinates\":[0.5,0.5]}").set(SITE.RADIUS_METRES, 250)
                .set(SITE.LAT, 0.5).set(SITE.LON, 0.5)
                .returningResult(SITE.ID).fetchSingle().value1();
        if (area != null) {
            db.insertInto(SITE_AREA).set(SITE_AREA.SITE_ID, id).set(SITE_AREA.AREA_ID, area).execute();
        }
        return id;
    }

    private static void hourly(DSLContext db, long release, long site, LocalDate day, int hour, int visitors) {
        db.insertInto(VISITS_HOURLY).set(VISITS_HOURLY.RELEASE_ID, release).set(VISITS_HOURLY.SITE_ID, site)
                .set(VISITS_HOURLY.LOCAL_DAY, day).set(VISITS_HOURLY.HOUR_OF_DAY, (short) hour)
                .set(VISITS_HOURLY.VISITORS, visitors).execute();
    }

    private static void daily(DSLContext db, long release, long site, LocalDate day, int visitors) {
        db.insertInto(VISITS_DAILY).set(VISITS_DAILY.RELEASE_ID, release).set(VISITS_DAILY.SITE_ID, site)
                .set(VISITS_DAILY.LOCAL_DAY, day).set(VISITS_DAILY.VISITORS, visitors).execute();
    }

    private static void dwell(DSLContext db, long release, long site, LocalDate day, int from, Integer to, int visits) {
        db.insertInto(VISITS_DWELL).set(VISITS_DWELL.RELEASE_ID, release).set(VISITS_DWELL.SITE_ID, site)
                .set(VISITS_DWELL.LOCAL_DAY, day).set(VISITS_DWELL.DWELL_FROM_MINUTES, (short) from)
                .set(VISITS_DWELL.DWELL_TO_MINUTES, to == null ? null : to.shortValue())
                .set(VISITS_DWELL.VISITS, visits).execute();
    }

    private static void home(DSLContext db, long release, long site, long area, int visitors) {
        db.insertInto(VISITS_CATCHMENT).set(VISITS_CATCHMENT.RELEASE_ID, release).set(VISITS_CATCHMENT.SITE_ID, site)
                .set(VISITS_CATCHMENT.LAYER_CODE, Fixtures.DISTRICTS).set(VISITS_CATCHMENT.AREA_ID, area)
                .set(VISITS_CATCHMENT.VISITORS, visitors).execute();
    }

    private static void loyalty(DSLContext db, long release, long site, LocalDate day, int first, int returning) {
        db.insertInto(VISITS_LOYALTY).set(VISITS_LOYALTY.RELEASE_ID, release).set(VISITS_LOYALTY.SITE_ID, site)
                .set(VISITS_LOYALTY.LOCAL_DAY, day).set(VISITS_LOYALTY.FIRST_TIME_VISITORS, first)
                .set(VISITS_LOYALTY.RETURNING_VISITORS, returning).execute();
    }
}
