package io.crowdlens.presence;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.common.Dataset;
import io.crowdlens.security.Role;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.SignedIn;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

    static final LocalDate MON = LocalDate.of(2026, 10, 19);
    static final LocalDate TUE = MON.plusDays(1);
    static final LocalDate SAT = MON.plusDays(5);

    @Autowired DSLContext db;
    @Autowired PresenceQueryService presence;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    long oldTown;
    long harbour;
    long quiet;
    long retail;

    @BeforeEach
    void releaseWithHandCountedFigures() {
        Fixtures fixtures = new Fixtures(db);
        fixtures.layers();
        oldTown = fixtures.area(Fixtures.DISTRICTS, "old-town");
        harbour = fixtures.area(Fixtures.DISTRICTS, "harbour");
        quiet = fixtures.area(Fixtures.DISTRICTS, "quiet");
        retail = fixtures.organisation("Retail Co");
        long planner = fixtures.organisation("Planner Co");
        fixtures.user(retail, "ana@retail.test", "{noop}x", Role.PARTNER_ANALYST);
        fixtures.user(planner, "pia@planner.test", "{noop}x", Role.PARTNER_ANALYST);
        OffsetDateTime nextYear = OffsetDateTime.now().plusYears(1);
        fixtures.licence(retail, Dataset.PRESENCE, Fixtures.DISTRICTS, MON, MON.plusDays(13), nextYear, null);
        fixtures.licence(planner, Dataset.PRESENCE, Fixtures.DISTRICTS, MON, MON.plusDays(13), nextYear, null, harbour);
        long release = db.insertInto(DATA_RELEASE)
                .set(DATA_RELEASE.DATASET, "PRESENCE").set(DATA_RELEASE.STATUS, "PUBLISHED")
                .set(DATA_RELEASE.PERIOD_FROM, MON).set(DATA_RELEASE.PERIOD_TO, MON.plusDays(13))
                .set(DATA_RELEASE.TIME_ZONE, "Europe/Berlin").set(DATA_RELEASE.K_THRESHOLD, 15)
                .set(DATA_RELEASE.OPTOUT_LIST_VERSION, "v1").set(DATA_RELEASE.ROWS_READ, 1L)
                .set(DATA_RELEASE.ROWS_ACCEPTED, 1L).set(DATA_RELEASE.ROWS_REJECTED, 0L)
                .set(DATA_RELEASE.AGGREGATE_ROWS, 1L).set(DATA_RELEASE.PIPELINE_MILLIS, 1L)
                .set(DATA_RELEASE.ENGINE, "duckdb").returningResult(DATA_RELEASE.ID).fetchSingle().value1();
        // old town: Mon 08 = 40, Mon 09 = 20, Tue 08 = 30, Tue 09 missing (fewer than k), Sat 08 = 100
        hourly(release, oldTown, MON, 8, 40);
        hourly(release, oldTown, MON, 9, 20);
        hourly(release, oldTown, TUE, 8, 30);
        hourly(release, oldTown, SAT, 8, 100);
        // harbour: Mon 08 = 16 only; quiet: nothing published
        hourly(release, harbour, MON, 8, 16);
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
        assertThat(map.figures()).containsExactlyInAnyOrder(
                new AreaFigure(oldTown, "old-town", 23L),
                new AreaFigure(harbour, "harbour", null),
                new AreaFigure(quiet, "quiet", null));
        assertThat(map.description()).contains("Average number of distinct devices per hour", "k = 15",
                "hours with fewer than k devices count as zero");
    }

    @Test
    void peakIsTheBusiestHourAndWeekendsAreSelectedSeparately() {
        signIn("ana@retail.test");

        Heatmap weekdays = presence.heatmap(new PresenceSelection(Fixtures.DISTRICTS, MON, SAT, DayFilter.WEEKDAYS, 8,
                9, PresenceMetric.PEAK_HOUR));
        Heatmap weekend = presence.heatmap(new PresenceSelection(Fixtures.DISTRICTS, MON, SAT, DayFilter.WEEKENDS, 8,
                9, PresenceMetric.PEAK_HOUR));

        assertThat(weekdays.figures()).contains(new AreaFigure(oldTown, "old-town", 40L),
                new AreaFigure(harbour, "harbour", 16L));
        assertThat(weekend.figures()).contains(new AreaFigure(oldTown, "old-town", 100L),
                new AreaFigure(harbour, "harbour", null));
    }

    @Test
    void aSelectionWithNoFigureAtKIsBlockedWithAdviceAndAudited() {
        signIn("ana@retail.test");

        assertThatThrownBy(() -> presence.heatmap(new PresenceSelection(Fixtures.DISTRICTS, TUE, TUE,
                DayFilter.EVERY_DAY, 9, 9, PresenceMetric.AVERAGE_HOURLY)))
                .isInstanceOf(SelectionBlockedException.class)
                .hasMessageContaining("widen the time window");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("ana@retail.test")
                .and(AUDIT_EVENT.OUTCOME.eq("BLOCKED")))).isEqualTo(1);
    }

    @Test
    void partnerSeesOnlyTheAreasItsLicenceNames() {
        signIn("pia@planner.test");

        Heatmap map = presence.heatmap(new PresenceSelection(Fixtures.DISTRICTS, MON, MON, DayFilter.EVERY_DAY, 8, 8,
                PresenceMetric.PEAK_HOUR));

        assertThat(map.figures()).containsExactly(new AreaFigure(harbour, "harbour", 16L));
        assertThat(presence.areas(Fixtures.DISTRICTS)).extracting(LicensedArea::id).containsExactly(harbour);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("pia@planner.test")
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
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("ana@retail.test")
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

    private void hourly(long release, long area, LocalDate day, int hour, int devices) {
        db.insertInto(PRESENCE_HOURLY)
                .set(PRESENCE_HOURLY.RELEASE_ID, release).set(PRESENCE_HOURLY.LAYER_CODE, Fixtures.DISTRICTS)
                .set(PRESENCE_HOURLY.LOCAL_DAY, day).set(PRESENCE_HOURLY.HOUR_OF_DAY, (short) hour)
                .set(PRESENCE_HOURLY.AREA_ID, area).set(PRESENCE_HOURLY.DEVICES, devices).execute();
    }

    private void signIn(String username) {
        SignedIn.as(accounts.loadUserByUsername(username), securityContext);
    }
}
