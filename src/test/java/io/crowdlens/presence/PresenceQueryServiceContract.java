package io.crowdlens.presence;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.figures.SelectionBlockedException;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.SignedIn;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.annotation.Transactional;

/** The presence choke point on each engine: scope, k re-check, blocking, audit. Figures counted by hand. */
@Transactional
abstract class PresenceQueryServiceContract {

    static final LocalDate MON = PresenceFixtures.MON;
    static final LocalDate TUE = PresenceFixtures.TUE;
    static final LocalDate SAT = PresenceFixtures.SAT;

    @Autowired DSLContext db;
    @Autowired PresenceQueryService presence;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    long oldTown;
    long harbour;
    long quiet;
    long releaseId;

    @BeforeEach
    void releaseWithHandCountedFigures() {
        PresenceFixtures.Ids ids = PresenceFixtures.releaseWithHandCountedFigures(db);
        oldTown = ids.oldTown();
        harbour = ids.harbour();
        quiet = ids.quiet();
        releaseId = ids.release();
    }

    /** Audit records outlive each test's rollback (own transaction): count only this test's. */
    private long auditMark;

    @BeforeEach
    void markAudit() {
        Long last = db.select(org.jooq.impl.DSL.max(AUDIT_EVENT.ID)).from(AUDIT_EVENT).fetchOne().value1();
        auditMark = last == null ? 0 : last;
    }

    private int audited(org.jooq.Condition condition) {
        return db.fetchCount(AUDIT_EVENT, condition.and(AUDIT_EVENT.ID.gt(auditMark)));
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void averageIsTheMeanOfHourlyCountsWithSuppressedHoursAsZeroAndIsRecheckedAgainstK() {
        signIn("ana@retail.test");

        Heatmap map = presence.heatmap(new PresenceSelection(Fixtures.DISTRICTS, MON, TUE, DayFilter.WEEKDAYS, 8, 9,
                PresenceMetric.AVERAGE_HOURLY));

        assertThat(map.hoursSelected()).isEqualTo(4);
        // old town (40 + 20 + 30 + 0) / 4 = 22.5 -> 23; harbour 16 / 4 = 4 -> below k: suppressed, like quiet
        Set<Long> ours = Set.of(oldTown, harbour, quiet);
        assertThat(rows(map.figures())).filteredOn(f -> ours.contains(f.id())).containsExactlyInAnyOrder(
                row(oldTown, "old-town", 23L),
                row(harbour, "harbour", null),
                row(quiet, "quiet", null));
        // districts other tests committed to this shared database have no figures in this release
        assertThat(map.figures()).filteredOn(f -> !ours.contains(f.areaId())).allMatch(AreaFigure::suppressed);
        assertThat(map.description()).contains("Average number of distinct devices per hour", "k = 15",
                "hours not shown (below the minimum crowd) count as zero", "Published without noise");
    }

    @Test
    void peakIsTheBusiestHourAndWeekendsAreSelectedSeparately() {
        signIn("ana@retail.test");

        Heatmap weekdays = presence.heatmap(new PresenceSelection(Fixtures.DISTRICTS, MON, SAT, DayFilter.WEEKDAYS, 8,
                9, PresenceMetric.PEAK_HOUR));
        Heatmap weekend = presence.heatmap(new PresenceSelection(Fixtures.DISTRICTS, MON, SAT, DayFilter.WEEKENDS, 8,
                9, PresenceMetric.PEAK_HOUR));

        assertThat(rows(weekdays.figures())).contains(row(oldTown, "old-town", 40L),
                row(harbour, "harbour", 16L));
        assertThat(rows(weekend.figures())).contains(row(oldTown, "old-town", 100L),
                row(harbour, "harbour", null));
    }

    @Test
    void aSelectionWithNoFigureAtKIsBlockedWithAdviceAndAudited() {
        signIn("ana@retail.test");

        assertThatThrownBy(() -> presence.heatmap(new PresenceSelection(Fixtures.DISTRICTS, TUE, TUE,
                DayFilter.EVERY_DAY, 9, 9, PresenceMetric.AVERAGE_HOURLY)))
                .isInstanceOf(SelectionBlockedException.class)
                .hasMessageContaining("widen the area or the time window");
        assertThat(audited(AUDIT_EVENT.ACTOR.eq("ana@retail.test")
                .and(AUDIT_EVENT.OUTCOME.eq("BLOCKED")))).isEqualTo(1);
    }

    @Test
    void partnerSeesOnlyTheAreasItsLicenceNames() {
        signIn("pia@planner.test");

        Heatmap map = presence.heatmap(new PresenceSelection(Fixtures.DISTRICTS, MON, MON, DayFilter.EVERY_DAY, 8, 8,
                PresenceMetric.PEAK_HOUR));

        assertThat(rows(map.figures())).containsExactly(row(harbour, "harbour", 16L));
        assertThat(presence.areas(Fixtures.DISTRICTS)).extracting(LicensedArea::id).containsExactly(harbour);
        assertThat(audited(AUDIT_EVENT.ACTOR.eq("pia@planner.test")
                .and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")).and(AUDIT_EVENT.FIGURES_RETURNED.eq(1)))).isEqualTo(1);
    }

    @Test
    void aCraftedRequestOutsideTheLicenceIsRefusedAndAudited() {
        signIn("ana@retail.test");

        assertThatThrownBy(() -> presence.heatmap(new PresenceSelection(Fixtures.H3, MON, MON, DayFilter.EVERY_DAY, 8,
                8, PresenceMetric.PEAK_HOUR))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> presence.heatmap(new PresenceSelection(Fixtures.DISTRICTS, MON.minusDays(1), MON,
                DayFilter.EVERY_DAY, 8, 8, PresenceMetric.PEAK_HOUR)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("does not cover");
        assertThatThrownBy(() -> presence.areas(Fixtures.H3)).isInstanceOf(AccessDeniedException.class);
        assertThat(audited(AUDIT_EVENT.ACTOR.eq("ana@retail.test")
                .and(AUDIT_EVENT.OUTCOME.eq("DENIED")))).isEqualTo(3);
    }

    @Test
    void choicesAreTheLicensedLayersAndThePublishedLicensedDays() {
        signIn("ana@retail.test");

        MapChoices choices = presence.choices();

        assertThat(choices.hasData()).isTrue();
        assertThat(choices.layers()).containsOnlyKeys(Fixtures.DISTRICTS);
        assertThat(choices.firstDay()).isEqualTo(MON);
        assertThat(choices.lastDay()).isEqualTo(MON.plusDays(13));
    }

    @Test
    void anAreasPanelShowsItsHourlyProfileAndDailySeriesRecheckedAgainstK() {
        signIn("ana@retail.test");

        AreaDetail detail = presence.areaDetail(new PresenceSelection(Fixtures.DISTRICTS, MON, TUE, DayFilter.WEEKDAYS,
                8, 9, PresenceMetric.AVERAGE_HOURLY), oldTown);

        // hour 8: (40 + 30) / 2 days = 35; hour 9: (20 + 0) / 2 = 10 < k; every other hour: nothing published
        Long[] expected = new Long[24];
        expected[8] = 35L;
        assertThat(detail.hourlyProfile()).extracting(io.crowdlens.common.Figure::rounded).containsExactly(expected);
        assertThat(detail.days()).containsExactly(MON, TUE);
        assertThat(detail.dailyDevices()).extracting(io.crowdlens.common.Figure::rounded).containsExactly(50L, 35L);
        assertThat(detail.name()).isEqualTo("old-town");
        assertThat(audited(AUDIT_EVENT.ACTOR.eq("ana@retail.test")
                .and(AUDIT_EVENT.DETAIL.startsWith("area detail area=" + oldTown))
                .and(AUDIT_EVENT.FIGURES_RETURNED.eq(3)).and(AUDIT_EVENT.FIGURES_SUPPRESSED.eq(23)))).isEqualTo(1);
    }

    @Test
    void anAreaOutsideTheLicenceCannotBeOpenedAndAnEmptyOneIsBlocked() {
        signIn("pia@planner.test");
        PresenceSelection week = new PresenceSelection(Fixtures.DISTRICTS, MON, SAT, DayFilter.EVERY_DAY, 8, 8,
                PresenceMetric.PEAK_HOUR);

        assertThatThrownBy(() -> presence.areaDetail(week, oldTown)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("does not include this area");
        assertThat(audited(AUDIT_EVENT.ACTOR.eq("pia@planner.test")
                .and(AUDIT_EVENT.OUTCOME.eq("DENIED")))).isEqualTo(1);

        signIn("ana@retail.test");
        assertThatThrownBy(() -> presence.areaDetail(week, quiet)).isInstanceOf(SelectionBlockedException.class);
        assertThat(audited(AUDIT_EVENT.ACTOR.eq("ana@retail.test")
                .and(AUDIT_EVENT.OUTCOME.eq("BLOCKED")))).isEqualTo(1);
    }

    @Test
    void hourByHourGivesEachHoursFiguresForOneFixedColourScale() {
        signIn("ana@retail.test");

        HourByHour hours = presence.hourByHour(new PresenceSelection(Fixtures.DISTRICTS, MON, TUE,
                DayFilter.WEEKDAYS, 8, 9, PresenceMetric.PEAK_HOUR));

        assertThat(hours.hoursOfDay()).containsExactly(8, 9);
        assertThat(rows(hours.hours().get(8).figures())).contains(row(oldTown, "old-town", 40L),
                row(harbour, "harbour", 16L), row(quiet, "quiet", null));
        assertThat(rows(hours.hours().get(9).figures())).contains(row(oldTown, "old-town", 20L),
                row(harbour, "harbour", null));
        assertThat(hours.hours().get(9).description()).contains("09:00-09:59");
        assertThat(hours.allShownValues()).containsExactlyInAnyOrder(40L, 16L, 20L);

        HourByHour averages = presence.hourByHour(new PresenceSelection(Fixtures.DISTRICTS, MON, TUE,
                DayFilter.WEEKDAYS, 8, 9, PresenceMetric.AVERAGE_HOURLY));
        // 08:00 old town (40 + 30) / 2 = 35, harbour 16 / 2 = 8 < k; 09:00 old town (20 + 0) / 2 = 10 < k
        assertThat(rows(averages.hours().get(8).figures())).contains(row(oldTown, "old-town", 35L),
                row(harbour, "harbour", null));
        assertThat(averages.allShownValues()).containsExactly(35L);
    }

    @Test
    void analystExportsTheHeatmapAsCsvWithNoFigureBelowKAndSuppressedFlags() throws Exception {
        long formula = new Fixtures(db).area(Fixtures.DISTRICTS, "=HYPERLINK(\"http://x\")");
        PresenceFixtures.hourly(db, releaseId, formula, MON, 8, 60);
        PresenceFixtures.hourly(db, releaseId, formula, TUE, 8, 60);
        signIn("ana@retail.test");
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        String[] opened = new String[1];

        io.crowdlens.export.ExportSummary summary = presence.exportHeatmap(new PresenceSelection(Fixtures.DISTRICTS,
                MON, TUE, DayFilter.WEEKDAYS, 8, 9, PresenceMetric.AVERAGE_HOURLY), name -> {
                    opened[0] = name;
                    return file;
                });

        String csv = file.toString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(opened[0]).isEqualTo(
                "crowdlens-presence-average-hourly-district-2026-10-19-to-2026-10-25-weekdays-08-09h-release-"
                        .replace("2026-10-25", "2026-10-20") + releaseId + ".csv");
        assertThat(lines).contains("#organisation,Retail Co", "#minimum_crowd_k,15", "#release," + releaseId,
                "#period,2026-10-19 to 2026-10-20",
                "area_id,area,average_devices_per_hour,average_devices_per_hour_margin95,average_devices_per_hour_suppressed",
                oldTown + ",old-town,22.5,0.0,false", harbour + ",harbour,,,true", quiet + ",quiet,,,true",
                // (60 + 60) / 4 hours = 30, and the name is neutralised and quoted
                formula + ",\"'=HYPERLINK(\"\"http://x\"\")\",30.0,0.0,false");
        List<String> rows = lines.subList(lines.indexOf("area_id,area,average_devices_per_hour,"
                + "average_devices_per_hour_margin95,average_devices_per_hour_suppressed") + 1, lines.size());
        for (String row : rows) {
            String[] cells = row.split(",");
            String figure = cells[cells.length - 3];
            boolean suppressed = Boolean.parseBoolean(cells[cells.length - 1]);
            assertThat(suppressed).as(row).isEqualTo(figure.isEmpty());
            if (!suppressed) {
                assertThat(Double.parseDouble(figure)).as(row).isGreaterThanOrEqualTo(15);
            }
        }
        assertThat(summary.figuresShown()).isEqualTo(2);
        assertThat(audited(AUDIT_EVENT.ACTOR.eq("ana@retail.test")
                .and(AUDIT_EVENT.ACTION.eq("EXPORT")).and(AUDIT_EVENT.OUTCOME.eq("SUCCESS"))
                .and(AUDIT_EVENT.FIGURES_RETURNED.eq(2)))).isEqualTo(1);
    }

    @Test
    void anExportWithNothingAtKIsBlockedBeforeAnyFileIsOpened() {
        signIn("ana@retail.test");

        assertThatThrownBy(() -> presence.exportHeatmap(new PresenceSelection(Fixtures.DISTRICTS, TUE, TUE,
                DayFilter.EVERY_DAY, 9, 9, PresenceMetric.AVERAGE_HOURLY), name -> {
                    throw new AssertionError("the file must not be opened");
                })).isInstanceOf(SelectionBlockedException.class);
        assertThatThrownBy(() -> presence.exportHeatmap(new PresenceSelection(Fixtures.H3, MON, MON,
                DayFilter.EVERY_DAY, 8, 8, PresenceMetric.PEAK_HOUR), name -> {
                    throw new AssertionError("the file must not be opened");
                })).isInstanceOf(AccessDeniedException.class);
        assertThat(audited(AUDIT_EVENT.ACTOR.eq("ana@retail.test")
                .and(AUDIT_EVENT.OUTCOME.in("BLOCKED", "DENIED")))).isEqualTo(2);
    }

    record Row(long id, String name, Long value) {
    }

    static Row row(long id, String name, Long value) {
        return new Row(id, name, value);
    }

    static List<Row> rows(List<AreaFigure> figures) {
        return figures.stream().map(f -> new Row(f.areaId(), f.name(), f.value())).toList();
    }

    private void signIn(String username) {
        SignedIn.as(accounts.loadUserByUsername(username), securityContext);
    }
}
