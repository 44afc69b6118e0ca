package io.crowdlens.pipeline.visits;

import static io.crowdlens.pipeline.visits.HandBuiltVisitsDrop.MON;
import static io.crowdlens.pipeline.visits.HandBuiltVisitsDrop.SAT;
import static io.crowdlens.pipeline.visits.HandBuiltVisitsDrop.STREET;
import static io.crowdlens.pipeline.visits.HandBuiltVisitsDrop.SUN;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.pipeline.ClassifiedDrop;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.homework.HomeWorkSettings;
import io.crowdlens.pipeline.visits.VisitsCounts.Dwell;
import io.crowdlens.pipeline.visits.VisitsCounts.Loyalty;
import io.crowdlens.pipeline.visits.VisitsCounts.Visitors;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stays, dwell and visitors on a hand-built drop (one site per scenario), on DuckDB and on PostgreSQL,
 * with the default rule: at least 10 minutes, at most 60 minutes between consecutive events.
 */
class StaysOnEveryEngineTest {

    @TempDir
    Path temp;

    /** Every scenario of stays and their boundaries, in one drop. */
    static HandBuiltVisitsDrop boundaries() {
        return new HandBuiltVisitsDrop()
                // exactly the minimum dwell is a stay; a millisecond less is not
                .site("EXACT", "shopping_centre")
                .at("a", "EXACT", "2026-10-24T10:00:00.000+02:00").at("a", "EXACT", "2026-10-24T10:10:00.000+02:00")
                .site("SHORT", "shopping_centre")
                .at("b", "SHORT", "2026-10-24T10:00:00.000+02:00").at("b", "SHORT", "2026-10-24T10:09:59.999+02:00")
                // a silence of exactly the gap tolerance keeps the stay; a millisecond more splits it
                .site("GAP_OK", "shopping_centre")
                .at("c", "GAP_OK", "2026-10-24T11:00:00+02:00").at("c", "GAP_OK", "2026-10-24T11:30:00+02:00")
                .at("c", "GAP_OK", "2026-10-24T12:30:00+02:00")
                .site("GAP_LONG", "shopping_centre")
                .at("d", "GAP_LONG", "2026-10-24T11:00:00+02:00").at("d", "GAP_LONG", "2026-10-24T11:15:00+02:00")
                .at("d", "GAP_LONG", "2026-10-24T12:15:00.001+02:00").at("d", "GAP_LONG", "2026-10-24T12:30:00+02:00")
                // an event elsewhere in between ends the stay; one elsewhere at the same instant does not
                .site("AWAY", "shopping_centre")
                .at("e", "AWAY", "2026-10-24T13:00:00+02:00").at("e", STREET, "2026-10-24T13:05:00+02:00")
                .at("e", "AWAY", "2026-10-24T13:10:00+02:00").at("e", "AWAY", "2026-10-24T13:25:00+02:00")
                .site("SAME_INSTANT", "shopping_centre")
                .at("f", "SAME_INSTANT", "2026-10-24T14:00:00+02:00").at("f", STREET, "2026-10-24T14:05:00+02:00")
                .at("f", "SAME_INSTANT", "2026-10-24T14:05:00+02:00").at("f", "SAME_INSTANT", "2026-10-24T14:20:00+02:00")
                // a stay from Saturday 23:50 to Sunday 00:20
                .site("MIDNIGHT", "shopping_centre")
                .at("g", "MIDNIGHT", "2026-10-24T23:50:00+02:00").at("g", "MIDNIGHT", "2026-10-25T00:20:00+02:00")
                // across the end of summer time: 70 real minutes while the wall clock moves from 01:55 to 02:05
                .site("DST", "shopping_centre")
                .at("h", "DST", "2026-10-25T01:55:00+02:00").at("h", "DST", "2026-10-25T02:30:00+02:00")
                .at("h", "DST", "2026-10-25T02:05:00+01:00")
                // a cell covering 5 km inside a 200 m site serves no one: a resident is not a visitor
                .siteWithMacroCellOnly("MACRO")
                .at("i", "MACRO", "2026-10-24T09:00:00+02:00").at("i", "MACRO", "2026-10-24T10:00:00+02:00")
                .polygonSite("SQUARE")
                .at("j", "SQUARE", "2026-10-24T09:00:00+02:00").at("j", "SQUARE", "2026-10-24T09:30:00+02:00")
                // sensitive: never counted
                .site("CLINIC", "clinic")
                .at("k", "CLINIC", "2026-10-24T09:00:00+02:00").at("k", "CLINIC", "2026-10-24T10:00:00+02:00");
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void staysAndDwellAtTheirBoundaries(EngineKind engine) {
        Result result = run(engine, boundaries());

        assertThat(result.stays()).containsExactlyInAnyOrder(
                stay("EXACT", "2026-10-24T10:00:00+02:00", "2026-10-24T10:10:00+02:00"),
                stay("GAP_OK", "2026-10-24T11:00:00+02:00", "2026-10-24T12:30:00+02:00"),
                stay("GAP_LONG", "2026-10-24T11:00:00+02:00", "2026-10-24T11:15:00+02:00"),
                stay("GAP_LONG", "2026-10-24T12:15:00.001+02:00", "2026-10-24T12:30:00+02:00"),
                stay("AWAY", "2026-10-24T13:10:00+02:00", "2026-10-24T13:25:00+02:00"),
                stay("SAME_INSTANT", "2026-10-24T14:00:00+02:00", "2026-10-24T14:20:00+02:00"),
                stay("MIDNIGHT", "2026-10-24T23:50:00+02:00", "2026-10-25T00:20:00+02:00"),
                stay("DST", "2026-10-25T01:55:00+02:00", "2026-10-25T02:05:00+01:00"),
                stay("SQUARE", "2026-10-24T09:00:00+02:00", "2026-10-24T09:30:00+02:00"));
        assertThat(result.plan().coverage().sites()).extracting(Site::code).doesNotContain("CLINIC");
        assertThat(result.plan().coverage().cellsServing("MACRO")).isZero();
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void dwellBucketsIncludeTheirLowerBoundAndCountOnTheDayTheStayBegan(EngineKind engine) {
        VisitsCounts counts = run(engine, new HandBuiltVisitsDrop()
                .site("M", "shopping_centre")
                .at("a", "M", "2026-10-24T10:00:00.000+02:00").at("a", "M", "2026-10-24T10:19:59.999+02:00")
                .at("b", "M", "2026-10-24T11:00:00.000+02:00").at("b", "M", "2026-10-24T11:20:00.000+02:00")
                .at("c", "M", "2026-10-24T12:00:00+02:00").at("c", "M", "2026-10-24T12:50:00+02:00")
                .at("c", "M", "2026-10-24T13:40:00+02:00").at("c", "M", "2026-10-24T14:30:00+02:00")
                .at("c", "M", "2026-10-24T15:20:00+02:00").at("c", "M", "2026-10-24T16:00:00+02:00")
                .at("d", "M", "2026-10-24T23:50:00+02:00").at("d", "M", "2026-10-25T00:20:00+02:00"))
                .counts();

        assertThat(counts.dwell()).containsExactlyInAnyOrder(
                new Dwell("M", SAT, 10, 20, 1),   // a: 19:59.999
                new Dwell("M", SAT, 20, 30, 1),   // b: exactly 20:00
                new Dwell("M", SAT, 240, null, 1), // c: exactly 4 hours
                new Dwell("M", SAT, 30, 60, 1));  // d: began Saturday, ended Sunday
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aStayCountsInEveryLocalHourItOverlapsAndOnTheDayItBegan(EngineKind engine) {
        VisitsCounts counts = run(engine, boundaries()).counts();

        // a device's stays belong to the day they began (its privacy unit): daily visitors count it there only
        assertThat(visitorsOf(counts, "MIDNIGHT")).containsExactlyInAnyOrder(
                hourly("MIDNIGHT", SAT, 23, 1), hourly("MIDNIGHT", SUN, 0, 1),
                daily("MIDNIGHT", SAT, 1));
        // 23:55Z to 01:05Z: local 01:xx CEST, then the repeated 02:xx (CEST and CET in one bucket)
        assertThat(visitorsOf(counts, "DST")).containsExactlyInAnyOrder(
                hourly("DST", SUN, 1, 1), hourly("DST", SUN, 2, 1), daily("DST", SUN, 1));
        assertThat(counts.dwell()).filteredOn(d -> d.siteCode().equals("DST"))
                .containsExactly(new Dwell("DST", SUN, 60, 120, 1));
        assertThat(visitorsOf(counts, "EXACT")).containsExactlyInAnyOrder(hourly("EXACT", SAT, 10, 1), daily("EXACT", SAT, 1));
        assertThat(visitorsOf(counts, "GAP_OK")).containsExactlyInAnyOrder(
                hourly("GAP_OK", SAT, 11, 1), hourly("GAP_OK", SAT, 12, 1), daily("GAP_OK", SAT, 1));
        assertThat(counts.visitors()).noneMatch(v -> List.of("SHORT", "MACRO", "CLINIC").contains(v.siteCode()));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void firstTimeAndReturningVisitorsAddUpToTheDaysVisitors(EngineKind engine) {
        VisitsCounts counts = run(engine, returningVisitors()).counts();

        // c's stay from Saturday 23:50 to Sunday 00:20 belongs to Saturday, the day it began
        assertThat(counts.loyalty()).containsExactlyInAnyOrder(
                new Loyalty("R", SAT, 2, 0),
                new Loyalty("R", MON, 1, 2));
        assertThat(counts.visitors()).filteredOn(Visitors::isDaily).containsExactlyInAnyOrder(
                daily("R", SAT, 2), daily("R", MON, 3));
        // a's two stays on Saturday: one visit, its longest (15 min); the buckets add up to the day's visitors
        assertThat(counts.dwell()).filteredOn(d -> d.localDay().equals(SAT))
                .containsExactlyInAnyOrder(new Dwell("R", SAT, 10, 20, 1), new Dwell("R", SAT, 30, 60, 1));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void optingOutOneDeviceTakesExactlyItsContributionAway(EngineKind engine) {
        VisitsCounts all = run(engine, returningVisitors()).counts();
        VisitsCounts withoutA = run(engine, returningVisitors().optOut("a")).counts();

        // a: first-time on Saturday (two short stays), returning on Monday (one short stay)
        assertThat(withoutA.loyalty()).containsExactlyInAnyOrder(
                new Loyalty("R", SAT, 1, 0), new Loyalty("R", MON, 1, 1));
        assertThat(withoutA.visitors()).containsExactlyInAnyOrderElementsOf(all.visitors().stream()
                .map(v -> aWasThere(v) ? new Visitors(v.siteCode(), v.localDay(), v.hourOfDay(), v.visitors() - 1) : v)
                .filter(v -> v.visitors() > 0)
                .toList());
        assertThat(withoutA.dwell()).containsExactlyInAnyOrder(
                new Dwell("R", SAT, 30, 60, 1), new Dwell("R", MON, 10, 20, 2));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void catchmentCountsVisitorsOverThePeriodByTheirHomeArea(EngineKind engine) {
        HandBuiltVisitsDrop drop = returningVisitors();
        // a sleeps in the west three nights, b in the east; c is never seen at night: no home
        for (String night : List.of("2026-10-24T23:00:00+02:00", "2026-10-25T23:00:00+01:00",
                "2026-10-26T23:00:00+01:00")) {
            drop.at("a", STREET, night).at("b", HandBuiltVisitsDrop.STREET_EAST, night);
        }

        VisitsCounts counts = run(engine, drop).counts();

        assertThat(counts.catchment()).containsExactlyInAnyOrder(
                new VisitsCounts.Catchment("R", "district", "W", 1), new VisitsCounts.Catchment("R", "district", "E", 1));
    }

    /** a: Saturday 10:00 and 15:00 (15 min each) and Monday 10:00; c: Saturday 23:50 to Sunday 00:20, Monday 10:00; b: Monday 10:00. */
    static HandBuiltVisitsDrop returningVisitors() {
        return new HandBuiltVisitsDrop()
                .site("R", "shopping_centre")
                .at("a", "R", "2026-10-24T10:00:00+02:00").at("a", "R", "2026-10-24T10:15:00+02:00")
                .at("a", STREET, "2026-10-24T12:00:00+02:00")
                .at("a", "R", "2026-10-24T15:00:00+02:00").at("a", "R", "2026-10-24T15:15:00+02:00")
                .at("c", "R", "2026-10-24T23:50:00+02:00").at("c", "R", "2026-10-25T00:20:00+02:00")
                .at("a", "R", "2026-10-26T10:00:00+01:00").at("a", "R", "2026-10-26T10:15:00+01:00")
                .at("b", "R", "2026-10-26T10:00:00+01:00").at("b", "R", "2026-10-26T10:15:00+01:00")
                .at("c", "R", "2026-10-26T10:00:00+01:00").at("c", "R", "2026-10-26T10:15:00+01:00");
    }

    private static boolean aWasThere(Visitors v) {
        boolean saturday = v.localDay().equals(SAT) && (v.isDaily() || v.hourOfDay() == 10 || v.hourOfDay() == 15);
        boolean monday = v.localDay().equals(MON) && (v.isDaily() || v.hourOfDay() == 10);
        return saturday || monday;
    }

    record Stay(String site, Instant first, Instant last) {
    }

    record Result(VisitsProduct.Plan plan, VisitsCounts counts, List<Stay> stays) {
    }

    private Result run(EngineKind engine, HandBuiltVisitsDrop drop) {
        Path dir = drop.writeTo(temp.resolve("drop-" + System.nanoTime()));
        VisitsSettings settings = VisitsSettings.defaults();
        try (ClassifiedDrop classified = ClassifiedDrop.of(engine, dir, temp.resolve("out-" + System.nanoTime()))) {
            assertThat(classified.events().rejectedTotal()).as("the hand-built drop has no bad rows").isZero();
            VisitsProduct product = new VisitsProduct(settings, HomeWorkSettings.defaults(),
                    new io.crowdlens.privacy.PrivacySettings(15));
            VisitsProduct.Plan plan = product.sitesAndTimes(classified.inputs()).orElseThrow();
            VisitsCounts counts = product.count(classified.engine(), classified.inputs(), plan);
            List<Stay> stays = classified.engine().sql()
                    .select(VisitsScratch.STAY_SITE, VisitsScratch.STAY_FIRST, VisitsScratch.STAY_LAST)
                    .from(VisitsScratch.VISIT_STAY)
                    .fetch(r -> new Stay(r.value1(), Instant.ofEpochMilli(r.value2()), Instant.ofEpochMilli(r.value3())));
            return new Result(plan, counts, stays);
        }
    }

    private static List<Visitors> visitorsOf(VisitsCounts counts, String site) {
        return counts.visitors().stream().filter(v -> v.siteCode().equals(site)).toList();
    }

    private static Stay stay(String site, String first, String last) {
        return new Stay(site, OffsetDateTime.parse(first).toInstant(), OffsetDateTime.parse(last).toInstant());
    }

    static Visitors hourly(String site, LocalDate day, int hour, long visitors) {
        return new Visitors(site, day, hour, visitors);
    }

    static Visitors daily(String site, LocalDate day, long visitors) {
        return new Visitors(site, day, null, visitors);
    }
}
