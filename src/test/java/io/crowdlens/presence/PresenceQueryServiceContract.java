package io.crowdlens.presence;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.SignedIn;
import java.time.LocalDate;
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

    @BeforeEach
    void releaseWithHandCountedFigures() {
        PresenceFixtures.Ids ids = PresenceFixtures.releaseWithHandCountedFigures(db);
        oldTown = ids.oldTown();
        harbour = ids.harbour();
        quiet = ids.quiet();
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
        assertThat(map.figures()).filteredOn(f -> ours.contains(f.areaId())).containsExactlyInAnyOrder(
                new AreaFigure(oldTown, "old-town", 23L),
                new AreaFigure(harbour, "harbour", null),
                new AreaFigure(quiet, "quiet", null));
        // districts other tests committed to this shared database have no figures in this release
        assertThat(map.figures()).filteredOn(f -> !ours.contains(f.areaId())).allMatch(AreaFigure::suppressed);
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

    private void signIn(String username) {
        SignedIn.as(accounts.loadUserByUsername(username), securityContext);
    }
}
