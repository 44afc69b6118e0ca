package io.crowdlens.visits;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.visits.VisitsFixtures.MON;
import static io.crowdlens.visits.VisitsFixtures.SAT;
import static io.crowdlens.visits.VisitsFixtures.SUN;
import static io.crowdlens.visits.VisitsFixtures.TUE;
import static io.crowdlens.visits.VisitsFixtures.WED;
import static io.crowdlens.common.Figure.exact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.figures.SelectionBlockedException;
import io.crowdlens.common.Figure;
import io.crowdlens.export.Export;
import io.crowdlens.export.ExportSummary;
import io.crowdlens.export.ExportTarget;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.SignedIn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.annotation.Transactional;

/** The visitors choke point on each database: scope, k re-check, blocking, audit. Figures counted by hand. */
@Transactional
abstract class VisitsQueryServiceContract {

    @Autowired DSLContext db;
    @Autowired VisitsQueryService visits;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    static final Figure HIDDEN = Figure.hidden();

    VisitsFixtures.Ids ids;

    @BeforeEach
    void releaseWithHandCountedFigures() {
        ids = VisitsFixtures.releaseWithHandCountedFigures(db);
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void hourlyProfileAveragesWeekdaysAndWeekendsApartWithSuppressedHoursAsZero() {
        signIn("ana@retail.test");

        VisitorsAnswer<VisitorFigures.Hour> profile = visits.hourlyProfile(VisitsSelection.of(ids.mall(), MON, SUN));

        List<VisitorFigures.Hour> hours = profile.site(ids.mall()).rows();
        assertThat(hours).hasSize(24);
        // weekdays: (60 + 30) / 5 = 18; 13h: 16 / 5 = 3, below k; weekend 14h: (100 + 30) / 2 = 65
        assertThat(hours.get(12)).isEqualTo(new VisitorFigures.Hour(12, exact(18), HIDDEN));
        assertThat(hours.get(13)).isEqualTo(new VisitorFigures.Hour(13, HIDDEN, HIDDEN));
        assertThat(hours.get(14)).isEqualTo(new VisitorFigures.Hour(14, HIDDEN, exact(65)));
        assertThat(profile.shown()).isEqualTo(2);
        assertThat(profile.suppressed()).isEqualTo(46);
        assertThat(profile.description()).startsWith("Average unique visitors in each hour of the day (local time), "
                + "over the 5 weekdays and 2 weekend days of 2026-10-19 to 2026-10-25")
                .endsWith("minimum crowd k = 15. Published without noise: the figures are exact.");
    }

    @Test
    void dailyVisitorsAreOneFigurePerDayNeverAddedUp() {
        signIn("ana@retail.test");

        VisitorsAnswer<VisitorFigures.Day> daily = visits.dailyVisitors(VisitsSelection.of(ids.mall(), MON, SUN));

        assertThat(daily.site(ids.mall()).rows()).containsExactly(
                new VisitorFigures.Day(MON, exact(120)), new VisitorFigures.Day(TUE, exact(90)), new VisitorFigures.Day(WED, HIDDEN),
                new VisitorFigures.Day(MON.plusDays(3), HIDDEN), new VisitorFigures.Day(MON.plusDays(4), HIDDEN),
                new VisitorFigures.Day(SAT, exact(300)), new VisitorFigures.Day(SUN, HIDDEN));
        assertThat(daily.description()).startsWith("Unique visitors per day");
    }

    @Test
    void dwellSumsVisitsOverDaysAndRechecksEachDayAgainstThePartnersK() {
        signIn("ana@retail.test");
        VisitorsAnswer<VisitorFigures.Dwell> dwell = visits.dwellDistribution(VisitsSelection.of(ids.mall(), MON, TUE));
        assertThat(dwell.site(ids.mall()).rows()).containsExactly(
                new VisitorFigures.Dwell(10, 20, exact(48)), new VisitorFigures.Dwell(20, 30, HIDDEN),
                new VisitorFigures.Dwell(30, 60, exact(16)));
        assertThat(dwell.description()).startsWith("Visits by length of stay (one per visitor and day");

        signIn("sam@strict.test");
        // k = 20: Tuesday's 10-20 min row counted 18 devices, the 30-60 min row 16: neither counts for this partner
        VisitorsAnswer<VisitorFigures.Dwell> strict = visits.dwellDistribution(VisitsSelection.of(ids.mall(), MON, TUE));
        assertThat(strict.site(ids.mall()).rows()).containsExactly(
                new VisitorFigures.Dwell(10, 20, exact(30)), new VisitorFigures.Dwell(20, 30, HIDDEN),
                new VisitorFigures.Dwell(30, 60, HIDDEN));
        assertThat(strict.minimumCrowd()).isEqualTo(20);
    }

    @Test
    void firstTimeAndReturningShowBothOrNeither() {
        signIn("ana@retail.test");
        assertThat(visits.firstTimeAndReturning(VisitsSelection.of(ids.mall(), MON, WED)).site(ids.mall()).rows())
                .containsExactly(new VisitorFigures.Loyalty(MON, HIDDEN, HIDDEN), new VisitorFigures.Loyalty(TUE, exact(50), exact(40)),
                        new VisitorFigures.Loyalty(WED, exact(60), exact(16)));

        signIn("sam@strict.test");
        // Wednesday's 16 returning is below this partner's k = 20, so the 60 first-time is withheld too
        assertThat(visits.firstTimeAndReturning(VisitsSelection.of(ids.mall(), MON, WED)).site(ids.mall()).rows())
                .containsExactly(new VisitorFigures.Loyalty(MON, HIDDEN, HIDDEN), new VisitorFigures.Loyalty(TUE, exact(50), exact(40)),
                        new VisitorFigures.Loyalty(WED, HIDDEN, HIDDEN));
    }

    @Test
    void catchmentIsTheWholeReleasePeriodsVisitorsByHomeArea() {
        signIn("ana@retail.test");
        VisitorsAnswer<VisitorFigures.Home> catchment = visits.catchment(List.of(ids.mall()));
        assertThat(catchment.site(ids.mall()).rows()).filteredOn(h -> ours(h.areaId())).containsExactlyInAnyOrder(
                new VisitorFigures.Home(ids.oldTown(), areaName(ids.oldTown()), exact(40)),
                new VisitorFigures.Home(ids.harbour(), areaName(ids.harbour()), exact(16)));
        assertThat(catchment.description()).startsWith("Catchment: unique visitors over the whole release period "
                + "2026-10-19 to 2026-11-01 by home area (").contains("where they spend most nights");
        assertThat(visits.catchmentAreas()).extracting(HomeArea::id).contains(ids.oldTown(), ids.harbour());

        signIn("sam@strict.test");
        assertThat(visits.catchment(List.of(ids.mall())).site(ids.mall()).rows()).filteredOn(h -> ours(h.areaId()))
                .containsExactlyInAnyOrder(new VisitorFigures.Home(ids.oldTown(), areaName(ids.oldTown()), exact(40)),
                        new VisitorFigures.Home(ids.harbour(), areaName(ids.harbour()), HIDDEN));
    }

    @Test
    void analystExportsTheHourlyVisitorsOfTwoSitesAsCsvWithSuppressedFiguresEmptyAndFlagged() throws IOException {
        signIn("ana@retail.test");
        Condition exported = AUDIT_EVENT.ACTOR.eq("ana@retail.test").and(AUDIT_EVENT.ACTION.eq("EXPORT"))
                .and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")).and(AUDIT_EVENT.FIGURES_RETURNED.eq(2));
        int before = db.fetchCount(AUDIT_EVENT, exported);
        ByteArrayOutputStream file = new ByteArrayOutputStream();

        ExportSummary summary = visits.exportHourlyProfile(List.of(VisitsSelection.of(ids.mall(), MON, SUN),
                VisitsSelection.of(ids.pier(), MON, SUN)), ExportTarget.into(file));

        List<String> lines = file.toString(StandardCharsets.UTF_8).lines().toList();
        int metadata = Integer.parseInt(lines.getFirst().split(",")[1]);
        assertThat(lines.subList(0, metadata)).anyMatch(l -> l.startsWith("#minimum_crowd_k,15"))
                .anyMatch(l -> l.startsWith("#dataset,Visitors"))
                .anyMatch(l -> l.startsWith("#contents,\"Average unique visitors in each hour of the day"));
        assertThat(lines.get(metadata)).isEqualTo("site_id,site,period_from,period_to,hour,weekday_average_visitors,"
                + "weekday_average_visitors_margin95,weekday_average_visitors_suppressed,weekend_average_visitors,"
                + "weekend_average_visitors_margin95,weekend_average_visitors_suppressed");
        List<String> rows = lines.subList(metadata + 1, lines.size());
        assertThat(rows).hasSize(48);
        String mall = ids.mall() + "," + siteName(ids.mall()) + ",2026-10-19,2026-10-25,";
        assertThat(rows).contains(mall + "12,18.0,0.0,false,,,true", mall + "13,,,true,,,true",
                mall + "14,,,true,65.0,0.0,false");
        for (String row : rows) {
            String[] cells = row.split(",", -1);
            for (int figure = 5; figure < cells.length; figure += 3) {
                boolean suppressed = Boolean.parseBoolean(cells[figure + 2]);
                assertThat(cells[figure].isEmpty()).as(row).isEqualTo(suppressed);
                assertThat(cells[figure + 1].isEmpty()).as(row).isEqualTo(suppressed);
                assertThat(suppressed || Double.parseDouble(cells[figure]) >= 15).as(row).isTrue();
            }
        }
        assertThat(summary.figuresShown()).isEqualTo(2);
        assertThat(summary.figuresSuppressed()).isEqualTo(94);
        assertThat(db.fetchCount(AUDIT_EVENT, exported)).isEqualTo(before + 1);
    }

    @Test
    void anExportWithNoFigureAtKIsRefusedBeforeTheFileIsOpened() {
        signIn("sam@strict.test");
        Condition blockedExport = AUDIT_EVENT.ACTOR.eq("sam@strict.test").and(AUDIT_EVENT.ACTION.eq("EXPORT"))
                .and(AUDIT_EVENT.OUTCOME.eq("BLOCKED"));
        int before = db.fetchCount(AUDIT_EVENT, blockedExport);
        List<String> opened = new ArrayList<>();

        assertThatThrownBy(() -> visits.exportDailyVisitors(List.of(VisitsSelection.of(ids.pier(), MON, TUE)),
                name -> {
                    opened.add(name);
                    return new ByteArrayOutputStream();
                })).isInstanceOf(SelectionBlockedException.class);

        assertThat(opened).isEmpty();
        assertThat(db.fetchCount(AUDIT_EVENT, blockedExport)).isEqualTo(before + 1);
    }

    @Test
    void everyVisitorsTableExportsWhatTheScreenShows() throws IOException {
        signIn("ana@retail.test");
        List<VisitsSelection> mall = List.of(VisitsSelection.of(ids.mall(), MON, WED));

        assertThat(csvRows(target -> visits.exportDailyVisitors(mall, target)))
                .containsExactly(",2026-10-19,120,0,false", ",2026-10-20,90,0,false", ",2026-10-21,,,true");
        assertThat(csvRows(target -> visits.exportDwellDistribution(mall, target)))
                .containsExactly(",10,20,48,0,false", ",20,30,,,true", ",30,60,16,0,false");
        assertThat(csvRows(target -> visits.exportFirstTimeAndReturning(mall, target)))
                .containsExactly(",2026-10-19,,,true,,,true", ",2026-10-20,50,0,false,40,0,false",
                        ",2026-10-21,60,0,false,16,0,false");
        assertThat(csvRows(target -> visits.exportCatchment(List.of(ids.mall()), target)))
                .contains("," + ids.oldTown() + "," + areaName(ids.oldTown()) + ",40,0,false",
                        "," + ids.harbour() + "," + areaName(ids.harbour()) + ",16,0,false");
    }

    /** The data rows of an export, each without the site and period columns (checked elsewhere). */
    private List<String> csvRows(Export export) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        export.writeTo(ExportTarget.into(file));
        List<String> lines = file.toString(StandardCharsets.UTF_8).lines().toList();
        int metadata = Integer.parseInt(lines.getFirst().split(",")[1]);
        return lines.subList(metadata + 1, lines.size()).stream()
                .map(l -> l.substring(l.indexOf(",20", l.indexOf(",20") + 1) + 11)).toList();
    }

    @Test
    void severalSitesAreAnsweredSideBySide() {
        signIn("ana@retail.test");

        VisitorsAnswer<VisitorFigures.Day> daily = visits.dailyVisitors(
                new VisitsSelection(List.of(ids.mall(), ids.pier()), MON, MON));

        assertThat(daily.sites()).extracting(s -> s.site().id()).containsExactly(ids.mall(), ids.pier());
        assertThat(daily.site(ids.mall()).rows()).containsExactly(new VisitorFigures.Day(MON, exact(120)));
        assertThat(daily.site(ids.pier()).rows()).containsExactly(new VisitorFigures.Day(MON, exact(16)));
    }

    @Test
    void aSelectionWithNoFigureAtKIsBlockedWithAdviceAndAudited() {
        signIn("sam@strict.test");
        Condition blockedQuery = AUDIT_EVENT.ACTOR.eq("sam@strict.test").and(AUDIT_EVENT.ACTION.eq("QUERY"))
                .and(AUDIT_EVENT.OUTCOME.eq("BLOCKED"));
        int before = db.fetchCount(AUDIT_EVENT, blockedQuery);

        assertThatThrownBy(() -> visits.dailyVisitors(VisitsSelection.of(ids.pier(), MON, TUE)))
                .isInstanceOf(SelectionBlockedException.class)
                .hasMessage("Too few people in this selection: widen the period, or choose a busier site (every figure"
                        + " shown counts at least 20 devices).");
        assertThat(db.fetchCount(AUDIT_EVENT, blockedQuery)).isEqualTo(before + 1);
    }

    @Test
    void partnerSeesOnlyTheSitesInItsLicensedAreas() {
        signIn("hal@harbour.test");
        Condition oneFigureShown = AUDIT_EVENT.ACTOR.eq("hal@harbour.test").and(AUDIT_EVENT.OUTCOME.eq("SUCCESS"))
                .and(AUDIT_EVENT.FIGURES_RETURNED.eq(1));
        int before = db.fetchCount(AUDIT_EVENT, oneFigureShown);

        assertThat(visits.choices().sites()).extracting(VisitSite::id).containsExactly(ids.pier());
        assertThat(visits.dailyVisitors(VisitsSelection.of(ids.pier(), MON, MON)).site(ids.pier()).rows())
                .containsExactly(new VisitorFigures.Day(MON, exact(16)));
        assertThat(db.fetchCount(AUDIT_EVENT, oneFigureShown)).isEqualTo(before + 1);
        assertThatThrownBy(() -> visits.dailyVisitors(VisitsSelection.of(ids.mall(), MON, MON)))
                // the same words whether the site exists for other partners or not at all: no name given away
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("does not cover this site")
                .hasMessageNotContaining("Mall");
    }

    @Test
    void aCraftedRequestOutsideTheLicenceIsRefusedAndAudited() {
        signIn("ana@retail.test");
        Condition denied = AUDIT_EVENT.ACTOR.eq("ana@retail.test").and(AUDIT_EVENT.OUTCOME.eq("DENIED"));
        int before = db.fetchCount(AUDIT_EVENT, denied);

        // a site in no licensed area (even with a whole-layer licence), and days outside the licence
        assertThatThrownBy(() -> visits.dailyVisitors(VisitsSelection.of(ids.outside(), MON, MON)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> visits.hourlyProfile(VisitsSelection.of(ids.mall(), MON.minusDays(1), MON)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("does not cover");
        assertThatThrownBy(() -> visits.dwellDistribution(VisitsSelection.of(Long.MAX_VALUE, MON, MON)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(db.fetchCount(AUDIT_EVENT, denied)).isEqualTo(before + 3);
        assertThat(visits.choices().sites()).extracting(VisitSite::id).contains(ids.mall(), ids.pier())
                .doesNotContain(ids.outside());
    }

    @Test
    void choicesAreTheLicensedSitesAndThePublishedLicensedDays() {
        signIn("ana@retail.test");

        VisitsChoices choices = visits.choices();

        assertThat(choices.hasData()).isTrue();
        assertThat(choices.firstDay()).isEqualTo(MON);
        assertThat(choices.lastDay()).isEqualTo(MON.plusDays(13));
        assertThat(choices.sites()).filteredOn(s -> s.id() == ids.mall()).singleElement()
                .satisfies(s -> assertThat(s.radiusMetres()).isEqualTo(250));
    }

    private boolean ours(long areaId) {
        return areaId == ids.oldTown() || areaId == ids.harbour();
    }

    private String areaName(long areaId) {
        return db.select(AREA.NAME).from(AREA).where(AREA.ID.eq(areaId)).fetchSingle(AREA.NAME);
    }

    private String siteName(long siteId) {
        return visits.choices().sites().stream().filter(s -> s.id() == siteId).findFirst().orElseThrow().name();
    }

    private void signIn(String username) {
        SignedIn.as(accounts.loadUserByUsername(username), securityContext);
    }
}
