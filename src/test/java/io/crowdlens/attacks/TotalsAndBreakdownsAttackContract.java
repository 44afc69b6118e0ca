package io.crowdlens.attacks;

import static io.crowdlens.db.Tables.SITE;
import static io.crowdlens.db.Tables.SITE_AREA;
import static io.crowdlens.db.Tables.VISITS_DAILY;
import static io.crowdlens.db.Tables.VISITS_DWELL;
import static io.crowdlens.db.Tables.VISITS_LOYALTY;
import static io.crowdlens.db.Tables.VISITS_RELEASE_BUCKET;
import static io.crowdlens.db.Tables.VISITS_RELEASE_SITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.commuting.CommutingQueryService;
import io.crowdlens.commuting.DistrictFlows;
import io.crowdlens.commuting.Flow;
import io.crowdlens.common.Dataset;
import io.crowdlens.common.Figure;
import io.crowdlens.figures.SelectionBlockedException;
import io.crowdlens.privacy.FigureFamily;
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
import java.util.SplittableRandom;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.annotation.Transactional;

/**
 * Totals against breakdowns (issue 13, docs/privacy.md rule 3): wherever a partner can see a total and a
 * breakdown of the same crowd, the total minus the parts it was shown estimates what was hidden. When
 * exactly one stored figure of the breakdown is hidden, that estimate is about that one figure alone, so
 * either the noise makes it too uncertain to tell from zero (the difference's 95 % margin reaches k), or
 * a second part is hidden as well. Generated on many random site-days and district flows, on releases
 * without noise (where only complementary hiding protects) and with noise (sigma 5), through the query
 * services only.
 */
@Transactional
abstract class TotalsAndBreakdownsAttackContract {

    static final LocalDate MON = LocalDate.of(2026, 10, 19);
    static final int DAYS = 28;
    static final int K = 15;
    static final int[][] BUCKETS = {{10, 20}, {20, 30}, {30, 60}, {60, 120}};

    @Autowired DSLContext db;
    @Autowired VisitsQueryService visits;
    @Autowired CommutingQueryService commuting;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    final SplittableRandom random = new SplittableRandom(13);

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void withoutNoiseADaysVisitorsMinusItsShownLengthsOfStayNeverIsolateOneHiddenFigure() {
        checkVisitsBreakdowns(false);
    }

    @Test
    void withNoiseADaysVisitorsMinusItsShownLengthsOfStayIsolateAHiddenFigureOnlyUnderAMarginOfAtLeastK() {
        checkVisitsBreakdowns(true);
    }

    @Test
    void withoutNoiseAPairsCommutersMinusTheirShownDepartureHoursNeverIsolateOneHiddenFigure() {
        checkDepartureBreakdowns(false);
    }

    @Test
    void withNoiseAPairsCommutersMinusTheirShownDepartureHoursIsolateAHiddenFigureOnlyUnderAMarginOfAtLeastK() {
        checkDepartureBreakdowns(true);
    }

    private void checkVisitsBreakdowns(boolean noisy) {
        Fixtures fixtures = new Fixtures(db);
        fixtures.layers();
        String run = Long.toString(System.nanoTime(), 36);
        long area = fixtures.area(Fixtures.DISTRICTS, "v-" + run);
        String user = partner(fixtures, run, Dataset.VISITS);
        long release = fixtures.publishedRelease(Dataset.VISITS, MON, MON.plusDays(DAYS - 1), K);
        if (noisy) {
            for (FigureFamily family : List.of(FigureFamily.VISITS_DAILY, FigureFamily.VISITS_DWELL,
                    FigureFamily.VISITS_LOYALTY)) {
                fixtures.noise(release, family, "5");
            }
        }
        long site = site(run, area, release);
        for (int[] bucket : BUCKETS) {
            db.insertInto(VISITS_RELEASE_BUCKET).set(VISITS_RELEASE_BUCKET.RELEASE_ID, release)
                    .set(VISITS_RELEASE_BUCKET.DWELL_FROM_MINUTES, (short) bucket[0])
                    .set(VISITS_RELEASE_BUCKET.DWELL_TO_MINUTES, (short) bucket[1]).execute();
        }
        for (int day = 0; day < DAYS; day++) {
            // each day: up to four buckets, some below k (not stored), adding up to the day's visitors
            int total = 0;
            for (int[] bucket : BUCKETS) {
                int visitors = random.nextInt(4) == 0 ? random.nextInt(K) : K + random.nextInt(40);
                total += visitors;
                if (visitors >= K) {
                    db.insertInto(VISITS_DWELL).set(VISITS_DWELL.RELEASE_ID, release).set(VISITS_DWELL.SITE_ID, site)
                            .set(VISITS_DWELL.LOCAL_DAY, MON.plusDays(day))
                            .set(VISITS_DWELL.DWELL_FROM_MINUTES, (short) bucket[0])
                            .set(VISITS_DWELL.DWELL_TO_MINUTES, (short) bucket[1]).set(VISITS_DWELL.VISITS, visitors)
                            .execute();
                }
            }
            if (total >= K) {
                db.insertInto(VISITS_DAILY).set(VISITS_DAILY.RELEASE_ID, release).set(VISITS_DAILY.SITE_ID, site)
                        .set(VISITS_DAILY.LOCAL_DAY, MON.plusDays(day)).set(VISITS_DAILY.VISITORS, total).execute();
            }
            int first = random.nextInt(total + 1);
            if (first >= K && total - first >= K) {
                db.insertInto(VISITS_LOYALTY).set(VISITS_LOYALTY.RELEASE_ID, release).set(VISITS_LOYALTY.SITE_ID, site)
                        .set(VISITS_LOYALTY.LOCAL_DAY, MON.plusDays(day)).set(VISITS_LOYALTY.FIRST_TIME_VISITORS, first)
                        .set(VISITS_LOYALTY.RETURNING_VISITORS, total - first).execute();
            }
        }
        SignedIn.as(accounts.loadUserByUsername(user), securityContext);

        int oneHiddenBeforeProtection = 0;
        for (int day = 0; day < DAYS; day++) {
            VisitsSelection oneDay = VisitsSelection.of(site, MON.plusDays(day), MON.plusDays(day));
            Figure total = orHidden(() -> visits.dailyVisitors(oneDay).site(site).rows().getFirst().visitors());
            List<Figure> parts = new ArrayList<>();
            try {
                visits.dwellDistribution(oneDay).site(site).rows().forEach(row -> parts.add(row.visits()));
            } catch (SelectionBlockedException blocked) {
                continue; // no part shown: nothing subtracted from the total but the total itself
            }
            oneHiddenBeforeProtection += storedBelowOrMissing(day, release, site) == 1 ? 1 : 0;
            assertSubtractingTellsNothingAboutOneHiddenPart(total, parts);
            // first-time and returning add up to the day's visitors: both or neither
            try {
                VisitorFigures.Loyalty loyalty = visits.firstTimeAndReturning(oneDay).site(site).rows().getFirst();
                assertThat(loyalty.firstTime().shown()).isEqualTo(loyalty.returning().shown());
            } catch (SelectionBlockedException neitherShown) {
                // neither part shown: consistent
            }
        }
        assertThat(oneHiddenBeforeProtection).as("days where one bucket alone is below k: the case under attack")
                .isGreaterThan(3);
    }

    private void checkDepartureBreakdowns(boolean noisy) {
        Fixtures fixtures = new Fixtures(db);
        fixtures.layers();
        String run = Long.toString(System.nanoTime(), 36);
        List<Long> districts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            districts.add(fixtures.area(Fixtures.DISTRICTS, "d" + i + "-" + run));
        }
        String user = partner(fixtures, run, Dataset.COMMUTING);
        long release = fixtures.publishedRelease(Dataset.COMMUTING, MON, MON.plusDays(DAYS - 1), K);
        if (noisy) {
            fixtures.noise(release, FigureFamily.COMMUTING_OD, "5");
            fixtures.noise(release, FigureFamily.COMMUTING_DEPARTURE, "5");
        }
        for (long home : districts) {
            for (long work : districts) {
                if (home == work) {
                    continue;
                }
                // a pair's commuters by usual departure hour (6 to 9), some hours below k
                int commuters = 0;
                for (int hour = 6; hour < 10; hour++) {
                    int inHour = random.nextInt(3) == 0 ? random.nextInt(K) : K + random.nextInt(30);
                    commuters += inHour;
                    if (inHour >= K) {
                        CommutingPairs.departure(db, release, home, work, hour, inHour);
                    }
                }
                if (commuters >= K) {
                    CommutingPairs.pair(db, release, home, work, commuters);
                }
            }
        }
        SignedIn.as(accounts.loadUserByUsername(user), securityContext);

        for (long district : districts) {
            DistrictFlows flows;
            try {
                flows = commuting.flowsOf(district);
            } catch (SelectionBlockedException blocked) {
                continue;
            }
            assertSubtractingTellsNothingAboutOneHiddenPart(flows.outboundTotal(),
                    List.copyOf(flows.departuresOfResidents().values()));
            assertSubtractingTellsNothingAboutOneHiddenPart(flows.inboundTotal(),
                    List.copyOf(flows.departuresOfWorkers().values()));
            // the totals themselves are sums of the pairs shown: nothing left over
            assertThat(flows.outbound().stream().mapToLong(Flow::rounded).sum())
                    .isEqualTo(flows.outboundTotal().shown() ? flows.outboundTotal().rounded() : 0L);
        }
    }

    /**
     * The attacker's estimate of what is hidden is total minus the shown parts. If exactly one part that has
     * figures behind it is hidden, that estimate isolates it: then the noise must make it uninformative.
     */
    private static void assertSubtractingTellsNothingAboutOneHiddenPart(Figure total, List<Figure> parts) {
        if (!total.shown()) {
            return;
        }
        long hidden = parts.stream().filter(p -> !p.shown()).count();
        if (hidden != 1) {
            return;
        }
        double variance = variance(total) + parts.stream().filter(Figure::shown)
                .mapToDouble(TotalsAndBreakdownsAttackContract::variance).sum();
        assertThat(1.959963984540054 * Math.sqrt(variance))
                .as("one part hidden beside %s and %s: the difference's margin", total, parts)
                .isGreaterThanOrEqualTo(K);
    }

    private static Figure orHidden(java.util.function.Supplier<Figure> question) {
        try {
            return question.get();
        } catch (SelectionBlockedException blocked) {
            return Figure.hidden();
        }
    }

    private static double variance(Figure figure) {
        double sd = ((Figure.Shown) figure).margin95() / 1.959963984540054;
        return sd * sd;
    }

    private int storedBelowOrMissing(int day, long release, long site) {
        return BUCKETS.length - db.fetchCount(VISITS_DWELL, VISITS_DWELL.RELEASE_ID.eq(release)
                .and(VISITS_DWELL.SITE_ID.eq(site)).and(VISITS_DWELL.LOCAL_DAY.eq(MON.plusDays(day))));
    }

    private String partner(Fixtures fixtures, String run, Dataset dataset) {
        long org = fixtures.organisation("Breakdowns " + run);
        String user = "breakdowns-" + run + "@attack.test";
        fixtures.user(org, user, "{noop}x", Role.PARTNER_ANALYST);
        fixtures.licence(org, dataset, Fixtures.DISTRICTS, MON, MON.plusDays(DAYS - 1),
                OffsetDateTime.now().plusYears(1), null);
        return user;
    }

    private long site(String run, long area, long release) {
        long site = db.insertInto(SITE).set(SITE.CODE, "B-" + run).set(SITE.NAME, "Centre " + run)
                .set(SITE.CATEGORY, "shopping_centre").set(SITE.GEOMETRY, "{\"type\":\"Point\",\"coordinates\":[0.5,0.5]}")
                .set(SITE.RADIUS_METRES, 200).set(SITE.LAT, 0.5).set(SITE.LON, 0.5)
                .returningResult(SITE.ID).fetchSingle().value1();
        db.insertInto(SITE_AREA).set(SITE_AREA.SITE_ID, site).set(SITE_AREA.AREA_ID, area).execute();
        db.insertInto(VISITS_RELEASE_SITE).set(VISITS_RELEASE_SITE.RELEASE_ID, release)
                .set(VISITS_RELEASE_SITE.SITE_ID, site).execute();
        return site;
    }
}
