package io.crowdlens.pipeline.publish;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.RunFailedException;
import io.crowdlens.pipeline.protect.FamilyCost;
import io.crowdlens.pipeline.protect.NoisePlan;
import io.crowdlens.pipeline.protect.Protection;
import io.crowdlens.pipeline.protect.RunCost;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.privacy.PrivacySettings;
import io.crowdlens.privacy.noise.RandomSource;
import io.crowdlens.privacy.noise.ZeroConcentratedDp;
import io.crowdlens.testing.OnH2;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accountant's arithmetic against values computed by hand here, and the caps it enforces: the
 * ceiling per release, each day's cap (re-publications add up), the audited raise, the monthly cap per
 * device. Each test books its own far-future days inside a rolled-back transaction.
 */
@OnH2
@Transactional
class PrivacyAccountantTest {

    /** The defaults' budget: ceiling 2.0 per release, cap 4.0 per day, 60 per device and month. */
    static final PrivacySettings SETTINGS = new PrivacySettings(15);

    /** The same with a monthly cap of 10 per device, reached within a few releases. */
    static final PrivacySettings SMALL_MONTHLY_CAP = new PrivacySettings(15, PrivacySettings.Noise.defaults(),
            PrivacySettings.Bounds.defaults(), new PrivacySettings.Budget(2.0, 4.0, 10.0, 1e-9), Duration.ofDays(7));

    @Autowired DSLContext db;
    @Autowired AuditLog audit;

    PrivacyLedger ledger() {
        return new PrivacyLedger(db, SETTINGS, audit, Clock.systemUTC());
    }


    @Test
    void aRunCostsTheSumOfItsFamiliesAndItsEpsilonFollowsTheNamedConversion() {
        Protection sigma5 = new Protection(15, 1, NoisePlan.of(PrivacySettings.Noise.defaults()), RandomSource.seeded(1));
        // presence hourly: 16 area-hours a day, each +1: Delta^2 = 16, rho = 16 / (2 * 5^2) = 0.32
        // presence daily: 6 areas a day: rho = 6 / 50 = 0.12
        // loyalty (period): 10 site-days, a device-day can move all: Delta^2 = 2 * 10 = 20, rho = 20 / 50 = 0.4
        RunCost cost = RunCost.ofFamilies(List.of(
                FamilyCost.perDay(FigureFamily.PRESENCE_HOURLY, 16, "16 area-hours"),
                FamilyCost.perDay(FigureFamily.PRESENCE_DAILY, 6, "6 areas"),
                FamilyCost.perPeriod(FigureFamily.VISITS_LOYALTY, 10, "10 site-days")), sigma5);

        assertThat(cost.dayLevel()).isCloseTo(0.44, within(1e-9));
        assertThat(cost.periodLevel()).isCloseTo(0.40, within(1e-9));
        assertThat(cost.perUnit()).isCloseTo(0.84, within(1e-9));
        // one device on all 14 days of the release: 14 * 0.44 + 0.40
        assertThat(cost.perDevice(14)).isCloseTo(6.56, within(1e-9));
        // Bun-Steinke's simple bound rho + 2 sqrt(rho ln(1/delta)) at delta 1e-9: 0.84 + 2 sqrt(0.84 * 20.7233) = 9.1845
        assertThat(ZeroConcentratedDp.epsilonBunSteinke(0.84, 1e-9)).isCloseTo(9.1845, within(1e-4));
        // the optimised conversion (Canonne, Kamath, Steinke 2020, Corollary 13), minimised over the Renyi order by
        // hand (a fine scan of alpha): 8.6335 at alpha about 5.75, below the simple bound
        assertThat(cost.epsilonPerUnit(1e-9)).isCloseTo(8.6335, within(1e-3));
    }

    @Test
    void aRunAboveTheCeilingPerReleaseIsRefusedNamingTheCeilingAndWhatToChange() {
        assertThatThrownBy(() -> ledger().check(day(1), day(2), new RunCost(1.5, 0.6)))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("rho = 2.1000 per privacy unit, above the ceiling of 2.0000")
                .hasMessageContaining("crowdlens.privacy.noise.sigma");
    }

    @Test
    void republicationsAddUpOnEachDayUntilTheDaysCapRefusesTheNextOne() {
        PrivacyLedger ledger = ledger();
        RunCost run = new RunCost(1.2, 0.6);

        ledger.check(day(1), day(3), run);
        ledger.record(9_000_001L, Dataset.PRESENCE, "run-1", day(1), day(3), run);
        ledger.check(day(1), day(3), run); // 1.8 + 1.8 = 3.6, under the cap of 4.0
        ledger.record(9_000_002L, Dataset.PRESENCE, "run-2", day(1), day(3), run);

        Map<LocalDate, PrivacyLedger.DaySpend> spent = ledger.spending(day(0), day(3));
        assertThat(spent.get(day(0)).spent()).isZero();
        assertThat(spent.get(day(2)).spent()).isCloseTo(3.6, within(1e-9));
        assertThat(spent.get(day(2)).cap()).isEqualTo(4.0);

        // a third: 3.6 + 1.8 = 5.4 > 4.0; a run touching only day 3 and 4 is refused for day 3 too
        assertThatThrownBy(() -> ledger.check(day(3), day(4), run))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("Publishing " + day(3) + " would spend rho = 1.8000 per privacy unit on top of the"
                        + " 3.6000 already spent that day, past its cap of 4.0000: nothing was published.")
                .hasMessageContaining("privacy raise-cap --from " + day(3) + " --to " + day(4));
        // days nobody spent from are free
        ledger.check(day(4), day(5), run);
    }

    @Test
    void raisingACapIsAnAuditedDecisionThatLetsTheRunThroughAndCanNeverLowerIt() {
        PrivacyLedger ledger = ledger();
        RunCost run = new RunCost(1.2, 0.6);
        ledger.record(9_000_003L, Dataset.VISITS, "run-1", day(10), day(11), run);
        ledger.record(9_000_004L, Dataset.VISITS, "run-2", day(10), day(11), run);
        assertThatThrownBy(() -> ledger.check(day(10), day(11), run)).isInstanceOf(RunFailedException.class);

        assertThatThrownBy(() -> ledger.raiseCap(day(10), day(11), 6.0, "", "re-publish after opt-outs"))
                .hasMessageContaining("who decided it (--by) and why (--reason)");
        String reason = "re-publish after opt-out list 2031-07 " + System.nanoTime();
        ledger.raiseCap(day(10), day(11), 6.0, "olga@operator.test", reason);

        ledger.check(day(10), day(11), run); // 3.6 + 1.8 = 5.4 <= 6.0
        assertThat(ledger.capOn(day(10))).isEqualTo(6.0);
        assertThat(ledger.capOn(day(12))).isEqualTo(4.0);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(AuditAction.PRIVACY_CAP_RAISED.name())
                .and(AUDIT_EVENT.ACTOR.eq("olga@operator.test")).and(AUDIT_EVENT.DETAIL.contains(reason))
                .and(AUDIT_EVENT.DETAIL.contains("raised to rho = 6.0000")))).isEqualTo(1);
        assertThatThrownBy(() -> ledger.raiseCap(day(10), day(10), 5.0, "olga@operator.test", "lower it"))
                .hasMessageContaining("a cap is only ever raised");
    }

    @Test
    void aDeviceMonthIsCappedAcrossReleasesCountingThePeriodPartOncePerRelease() {
        PrivacyLedger ledger = new PrivacyLedger(db, SMALL_MONTHLY_CAP, audit, Clock.systemUTC());
        // a 5-day release: a device on every day spends 5 * 1.2 + 0.6 = 6.6 of its month's 10
        RunCost run = new RunCost(1.2, 0.6);
        LocalDate first = LocalDate.of(2031, 3, 2);
        ledger.record(9_000_005L, Dataset.PRESENCE, "run-1", first, first.plusDays(4), run);

        // another 5 days in March: 6.6 + 6.6 = 13.2 > 10
        assertThatThrownBy(() -> ledger.check(first.plusDays(10), first.plusDays(14), run))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("rho = 6.6000 on one device in 2031-03 (6.6000 already), past the monthly cap of"
                        + " 10.0000 per device");
        // 2 days: 6.6 + 2 * 1.2 + 0.6 = 9.6 <= 10
        ledger.check(first.plusDays(10), first.plusDays(11), run);
        // across a month's end each month pays its days and the period part: March 30-31 -> 3.0 more in March
        // (9.6 in all), April 1-3 -> 4.2
        ledger.check(LocalDate.of(2031, 3, 30), LocalDate.of(2031, 4, 3), run);
    }

    private static LocalDate day(int n) {
        return LocalDate.of(2031, 7, 1).plusDays(n);
    }
}
