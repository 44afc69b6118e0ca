package io.crowdlens.attacks;

import static io.crowdlens.db.Tables.CORRIDOR;
import static io.crowdlens.db.Tables.CORRIDOR_PASS;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;
import static io.crowdlens.db.Tables.SITE;
import static io.crowdlens.db.Tables.SITE_AREA;
import static io.crowdlens.db.Tables.VISITS_DWELL;
import static io.crowdlens.db.Tables.VISITS_HOURLY;
import static io.crowdlens.db.Tables.VISITS_RELEASE_BUCKET;
import static io.crowdlens.db.Tables.VISITS_RELEASE_SITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.commuting.CorridorCounts;
import io.crowdlens.commuting.CorridorQueryService;
import io.crowdlens.commuting.DayType;
import io.crowdlens.commuting.TravelDirection;
import io.crowdlens.common.Dataset;
import io.crowdlens.common.Figure;
import io.crowdlens.figures.SelectionBlockedException;
import io.crowdlens.presence.AreaFigure;
import io.crowdlens.presence.DayFilter;
import io.crowdlens.presence.Heatmap;
import io.crowdlens.presence.PresenceDayHours;
import io.crowdlens.presence.PresenceMetric;
import io.crowdlens.presence.PresenceQueryService;
import io.crowdlens.presence.PresenceSelection;
import io.crowdlens.security.Role;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.SignedIn;
import io.crowdlens.visits.VisitorFigures;
import io.crowdlens.visits.VisitsQueryService;
import io.crowdlens.visits.VisitsSelection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attack of issue 13, generated: a partner whose licence raises k to 20 asks two overlapping
 * questions that differ by one hour or one day and subtracts their combined figures (mean × parts),
 * which leaves the sum of the stored figures that only the larger question used. Releases here hold
 * many stored figures of 15-19 (above the release's k of 15, below the partner's 20). Each such figure
 * must count as if it were not stored, so every difference is 0 or at least 20; on the query code before
 * the figure gate, averages included them, and the difference gave them back exactly. Hundreds of
 * random selections per product (seeded), through the public query services only.
 */
@Transactional
abstract class OverlappingSelectionsAttackContract {

    static final LocalDate MON = LocalDate.of(2026, 10, 19);
    static final int DAYS = 14;
    static final int RELEASE_K = 15;
    static final int PARTNER_K = 20;
    static final int SELECTIONS = 200;

    @Autowired DSLContext db;
    @Autowired PresenceQueryService presence;
    @Autowired VisitsQueryService visits;
    @Autowired CorridorQueryService corridors;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    final SplittableRandom random = new SplittableRandom(20261204);
    List<Long> areas;
    long site;
    long corridor;
    long presenceRelease;
    long visitsRelease;
    long commutingRelease;
    int smallCellsStored;

    @BeforeEach
    void releasesFullOfFiguresJustAboveTheReleasesK() {
        Fixtures fixtures = new Fixtures(db);
        fixtures.layers();
        String run = Long.toString(System.nanoTime(), 36);
        areas = List.of(fixtures.area(Fixtures.DISTRICTS, "a-" + run), fixtures.area(Fixtures.DISTRICTS, "b-" + run),
                fixtures.area(Fixtures.DISTRICTS, "c-" + run));
        long org = fixtures.organisation("Strict " + run);
        fixtures.user(org, "strict-" + run + "@attack.test", "{noop}x", Role.PARTNER_ANALYST);
        OffsetDateTime nextYear = OffsetDateTime.now().plusYears(1);
        LocalDate last = MON.plusDays(DAYS - 1);
        for (Dataset dataset : Dataset.values()) {
            fixtures.licence(org, dataset, Fixtures.DISTRICTS, MON, last, nextYear, PARTNER_K);
        }

        presenceRelease = fixtures.publishedRelease(Dataset.PRESENCE, MON, last, RELEASE_K);
        for (long area : areas) {
            for (int day = 0; day < DAYS; day++) {
                for (int hour = 6; hour < 22; hour++) {
                    Integer figure = storedFigure();
                    if (figure != null) {
                        db.insertInto(PRESENCE_HOURLY).set(PRESENCE_HOURLY.RELEASE_ID, presenceRelease)
                                .set(PRESENCE_HOURLY.LAYER_CODE, Fixtures.DISTRICTS)
                                .set(PRESENCE_HOURLY.LOCAL_DAY, MON.plusDays(day))
                                .set(PRESENCE_HOURLY.HOUR_OF_DAY, (short) hour).set(PRESENCE_HOURLY.AREA_ID, area)
                                .set(PRESENCE_HOURLY.DEVICES, figure).execute();
                    }
                }
            }
        }
        PresenceDayHours.project(db, presenceRelease);

        visitsRelease = fixtures.publishedRelease(Dataset.VISITS, MON, last, RELEASE_K);
        site = db.insertInto(SITE).set(SITE.CODE, "S-" + run).set(SITE.NAME, "Mall " + run)
                .set(SITE.CATEGORY, "shopping_centre").set(SITE.GEOMETRY, "{\"type\":\"Point\",\"coordinates\":[0.5,0.5]}")
                .set(SITE.RADIUS_METRES, 200).set(SITE.LAT, 0.5).set(SITE.LON, 0.5)
                .returningResult(SITE.ID).fetchSingle().value1();
        db.insertInto(SITE_AREA).set(SITE_AREA.SITE_ID, site).set(SITE_AREA.AREA_ID, areas.getFirst()).execute();
        db.insertInto(VISITS_RELEASE_SITE).set(VISITS_RELEASE_SITE.RELEASE_ID, visitsRelease)
                .set(VISITS_RELEASE_SITE.SITE_ID, site).execute();
        db.insertInto(VISITS_RELEASE_BUCKET).set(VISITS_RELEASE_BUCKET.RELEASE_ID, visitsRelease)
                .set(VISITS_RELEASE_BUCKET.DWELL_FROM_MINUTES, (short) 10)
                .set(VISITS_RELEASE_BUCKET.DWELL_TO_MINUTES, (short) 20).execute();
        for (int day = 0; day < DAYS; day++) {
            for (int hour = 9; hour < 20; hour++) {
                Integer figure = storedFigure();
                if (figure != null) {
                    db.insertInto(VISITS_HOURLY).set(VISITS_HOURLY.RELEASE_ID, visitsRelease)
                            .set(VISITS_HOURLY.SITE_ID, site).set(VISITS_HOURLY.LOCAL_DAY, MON.plusDays(day))
                            .set(VISITS_HOURLY.HOUR_OF_DAY, (short) hour).set(VISITS_HOURLY.VISITORS, figure).execute();
                }
            }
            Integer visitsFigure = storedFigure();
            if (visitsFigure != null) {
                db.insertInto(VISITS_DWELL).set(VISITS_DWELL.RELEASE_ID, visitsRelease).set(VISITS_DWELL.SITE_ID, site)
                        .set(VISITS_DWELL.LOCAL_DAY, MON.plusDays(day)).set(VISITS_DWELL.DWELL_FROM_MINUTES, (short) 10)
                        .set(VISITS_DWELL.DWELL_TO_MINUTES, (short) 20).set(VISITS_DWELL.VISITS, visitsFigure).execute();
            }
        }

        commutingRelease = fixtures.publishedRelease(Dataset.COMMUTING, MON, last, RELEASE_K);
        CommutingPairs.pair(db, commutingRelease, areas.get(0), areas.get(1), 40);
        corridor = db.insertInto(CORRIDOR).set(CORRIDOR.RELEASE_ID, commutingRelease).set(CORRIDOR.CODE, "K-" + run)
                .set(CORRIDOR.NAME, "A1").set(CORRIDOR.GEOMETRY, "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}")
                .set(CORRIDOR.BUFFER_METRES, 500).set(CORRIDOR.CELL_COUNT, 9)
                .returningResult(CORRIDOR.ID).fetchSingle().value1();
        for (int day = 0; day < DAYS; day++) {
            for (int hour = 6; hour < 10; hour++) {
                for (TravelDirection direction : TravelDirection.values()) {
                    Integer figure = storedFigure();
                    if (figure != null) {
                        db.insertInto(CORRIDOR_PASS).set(CORRIDOR_PASS.RELEASE_ID, commutingRelease)
                                .set(CORRIDOR_PASS.CORRIDOR_ID, corridor).set(CORRIDOR_PASS.LOCAL_DAY, MON.plusDays(day))
                                .set(CORRIDOR_PASS.HOUR_OF_DAY, (short) hour).set(CORRIDOR_PASS.DIRECTION, direction.name())
                                .set(CORRIDOR_PASS.PASSES, figure).execute();
                    }
                }
            }
        }
        SignedIn.as(accounts.loadUserByUsername("strict-" + run + "@attack.test"), securityContext);
    }

    /** A third of the stored figures lie between the release's k and the partner's: the ones the attack is after. */
    private Integer storedFigure() {
        int draw = random.nextInt(3);
        if (draw == 0) {
            return null;
        }
        if (draw == 1) {
            smallCellsStored++;
            return RELEASE_K + random.nextInt(PARTNER_K - RELEASE_K);
        }
        return PARTNER_K + random.nextInt(60);
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void presenceAveragesThatDifferByOneHourOrOneDayNeverGiveBackAFigureBelowThePartnersK() {
        assertThat(smallCellsStored).as("the release holds figures the partner must not see").isGreaterThan(100);
        int compared = 0;
        for (int i = 0; i < SELECTIONS; i++) {
            int firstDay = random.nextInt(DAYS - 1);
            int lastDay = firstDay + random.nextInt(DAYS - 1 - firstDay);
            int firstHour = 6 + random.nextInt(15);
            int lastHour = firstHour + random.nextInt(21 - firstHour);
            PresenceSelection smaller = average(firstDay, lastDay, firstHour, lastHour);
            PresenceSelection larger = random.nextBoolean() ? average(firstDay, lastDay + 1, firstHour, lastHour)
                    : average(firstDay, lastDay, firstHour, lastHour + 1);
            Map<Long, Figure> a = figures(() -> presence.heatmap(smaller));
            Map<Long, Figure> b = figures(() -> presence.heatmap(larger));
            for (long area : areas) {
                compared += checkDifference(a.get(area), parts(smaller), b.get(area), parts(larger));
            }
        }
        assertThat(compared).as("pairs of shown figures actually subtracted").isGreaterThan(SELECTIONS / 2);
    }

    @Test
    void visitorsHourlyProfilesThatDifferByOneWeekdayNeverGiveBackAFigureBelowThePartnersK() {
        int compared = 0;
        List<LocalDate> weekdays = MON.datesUntil(MON.plusDays(DAYS)).filter(d -> d.getDayOfWeek().getValue() <= 5)
                .toList();
        for (int i = 0; i < SELECTIONS; i++) {
            // two periods that differ by one weekday: the next day after the smaller one's last is a weekday
            int first = random.nextInt(DAYS - 2);
            LocalDate from = MON.plusDays(first);
            LocalDate to = from.plusDays(random.nextInt(DAYS - 1 - first));
            if (to.plusDays(1).isAfter(MON.plusDays(DAYS - 1)) || !weekdays.contains(to.plusDays(1))) {
                continue;
            }
            int partsA = (int) from.datesUntil(to.plusDays(1)).filter(weekdays::contains).count();
            int partsB = partsA + 1;
            if (partsA == 0) {
                continue;
            }
            List<VisitorFigures.Hour> a = hours(VisitsSelection.of(site, from, to));
            List<VisitorFigures.Hour> b = hours(VisitsSelection.of(site, from, to.plusDays(1)));
            for (int hour = 0; hour < 24 && !a.isEmpty() && !b.isEmpty(); hour++) {
                compared += checkDifference(a.get(hour).weekdayAverage(), partsA, b.get(hour).weekdayAverage(), partsB);
            }
        }
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    void visitsByLengthOfStayThatDifferByOneDayNeverGiveBackAFigureBelowThePartnersK() {
        int compared = 0;
        for (int i = 0; i < SELECTIONS; i++) {
            int first = random.nextInt(DAYS - 1);
            LocalDate from = MON.plusDays(first);
            LocalDate to = from.plusDays(random.nextInt(DAYS - 1 - first));
            Figure a = dwell(VisitsSelection.of(site, from, to));
            Figure b = dwell(VisitsSelection.of(site, from, to.plusDays(1)));
            compared += checkDifference(a, 1, b, 1);
        }
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    void corridorAveragesThatDifferByOneDayNeverGiveBackAFigureBelowThePartnersK() {
        int compared = 0;
        for (int i = 0; i < SELECTIONS; i++) {
            int first = random.nextInt(DAYS - 1);
            LocalDate from = MON.plusDays(first);
            LocalDate to = from.plusDays(random.nextInt(DAYS - 1 - first));
            CorridorCounts a = counts(from, to);
            CorridorCounts b = counts(from, to.plusDays(1));
            if (a == null || b == null) {
                continue;
            }
            for (DayType type : DayType.values()) {
                int partsA = a.days().getOrDefault(type, 0);
                int partsB = b.days().getOrDefault(type, 0);
                if (partsA == 0 || partsB == 0) {
                    continue;
                }
                for (TravelDirection direction : TravelDirection.values()) {
                    for (int hour = 6; hour < 10; hour++) {
                        compared += checkDifference(a.average(type, direction, hour), partsA,
                                b.average(type, direction, hour), partsB);
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(50);
    }

    /**
     * Noise is added once, when the release is made, and stored: asking the same question again (or
     * exporting it again) gives the very same figures and margins, so repeating a question and averaging
     * the answers takes nothing away from the noise (query-time noise, as in Diffix, would differ each time).
     */
    @Test
    void askingTheSameQuestionManyTimesGivesTheSameFiguresSoAveragingRemovesNoNoise() {
        Fixtures fixtures = new Fixtures(db);
        fixtures.noise(presenceRelease, io.crowdlens.privacy.FigureFamily.PRESENCE_HOURLY, "5");
        fixtures.noise(visitsRelease, io.crowdlens.privacy.FigureFamily.VISITS_HOURLY, "5");
        fixtures.noise(commutingRelease, io.crowdlens.privacy.FigureFamily.CORRIDOR_PASSES, "5");
        PresenceSelection map = new PresenceSelection(Fixtures.DISTRICTS, MON, MON.plusDays(DAYS - 1),
                DayFilter.EVERY_DAY, 6, 21, PresenceMetric.PEAK_HOUR);
        VisitsSelection fortnight = VisitsSelection.of(site, MON, MON.plusDays(DAYS - 1));
        Map<Long, Figure> firstMap = figures(() -> presence.heatmap(map));
        List<VisitorFigures.Hour> firstHours = hours(fortnight);
        CorridorCounts firstCounts = counts(MON, MON.plusDays(DAYS - 1));
        assertThat(firstMap.values()).as("shown figures carry a margin").anySatisfy(f -> assertThat(f)
                .isInstanceOfSatisfying(Figure.Shown.class, shown -> assertThat(shown.margin95()).isPositive()));
        assertThat(firstHours).isNotEmpty();
        assertThat(firstCounts).isNotNull();

        for (int repeat = 0; repeat < 50; repeat++) {
            assertThat(figures(() -> presence.heatmap(map))).isEqualTo(firstMap);
            assertThat(hours(fortnight)).isEqualTo(firstHours);
            assertThat(counts(MON, MON.plusDays(DAYS - 1))).usingRecursiveComparison().isEqualTo(firstCounts);
        }
    }

    /**
     * What the partner learns by subtracting: the sum of the stored figures the larger question used and the
     * smaller did not. Each of them was checked against k = 20 first, so the sum is 0 or at least 20.
     */
    private static int checkDifference(Figure smaller, int partsSmaller, Figure larger, int partsLarger) {
        if (!(smaller instanceof Figure.Shown a) || !(larger instanceof Figure.Shown b)) {
            return 0;
        }
        double recovered = b.value() * partsLarger - a.value() * partsSmaller;
        assertThat(Math.abs(recovered) < 1e-6 || recovered >= PARTNER_K - 1e-6)
                .as("recovered %.6f from %s and %s", recovered, a, b).isTrue();
        return 1;
    }

    private PresenceSelection average(int firstDay, int lastDay, int firstHour, int lastHour) {
        return new PresenceSelection(Fixtures.DISTRICTS, MON.plusDays(firstDay), MON.plusDays(lastDay),
                DayFilter.EVERY_DAY, firstHour, lastHour, PresenceMetric.AVERAGE_HOURLY);
    }

    private static int parts(PresenceSelection selection) {
        return selection.dates().size() * selection.hoursPerDay();
    }

    private Map<Long, Figure> figures(Supplier<Heatmap> question) {
        Map<Long, Figure> byArea = new TreeMap<>();
        try {
            for (AreaFigure figure : question.get().figures()) {
                byArea.put(figure.areaId(), figure.figure());
            }
        } catch (SelectionBlockedException blocked) {
            // nothing shown: nothing to subtract
        }
        return byArea;
    }

    private List<VisitorFigures.Hour> hours(VisitsSelection selection) {
        try {
            return visits.hourlyProfile(selection).site(site).rows();
        } catch (SelectionBlockedException blocked) {
            return new ArrayList<>();
        }
    }

    private Figure dwell(VisitsSelection selection) {
        try {
            return visits.dwellDistribution(selection).site(site).rows().getFirst().visits();
        } catch (SelectionBlockedException blocked) {
            return Figure.hidden();
        }
    }

    private CorridorCounts counts(LocalDate from, LocalDate to) {
        try {
            return corridors.corridorCounts(corridor, from, to);
        } catch (SelectionBlockedException blocked) {
            return null;
        }
    }
}
