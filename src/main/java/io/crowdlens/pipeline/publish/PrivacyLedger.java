package io.crowdlens.pipeline.publish;

import static io.crowdlens.db.Tables.PRIVACY_LEDGER;
import static io.crowdlens.db.Tables.PRIVACY_PERIOD_CAP;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.RunFailedException;
import io.crowdlens.pipeline.protect.RunCost;
import io.crowdlens.privacy.PrivacySettings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The privacy accountant's book (docs/privacy.md, "The accountant"): what every local day has spent,
 * release by release, and the caps. A run is refused before anything is counted when its cost per
 * unit exceeds the ceiling per release, when a day of its period would pass that day's cap, or when a
 * device would pass the monthly cap; the message names the cap and how to raise it. Raising a cap is
 * an operator decision, recorded and audited. What was spent stays spent: the ledger outlives
 * withdrawn and deleted releases (and refuses updates and deletes in the database).
 */
@Component
public class PrivacyLedger {

    private final DSLContext db;
    private final PrivacySettings privacy;
    private final AuditLog audit;
    private final Clock clock;

    public PrivacyLedger(DSLContext db, PrivacySettings privacy, AuditLog audit, Clock clock) {
        this.db = db;
        this.privacy = privacy;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one day has spent and may spend, per privacy unit. */
    public record DaySpend(LocalDate day, double spent, double cap) {
    }

    /** Refuses a run whose cost the budget does not allow (checked before counting, and again when publishing). */
    public void check(LocalDate from, LocalDate to, RunCost cost) {
        PrivacySettings.Budget budget = privacy.budget();
        if (cost.perUnit() > budget.ceilingPerRelease() + 1e-12) {
            throw new RunFailedException(String.format(Locale.ROOT,
                    "This run's noise would cost rho = %.4f per privacy unit, above the ceiling of %.4f per release"
                            + " (crowdlens.privacy.budget.ceiling-per-release): raise the noise (crowdlens.privacy.noise.sigma)"
                            + " or lower the contribution bounds (crowdlens.privacy.bounds.*).",
                    cost.perUnit(), budget.ceilingPerRelease()));
        }
        if (cost.perUnit() == 0) {
            return; // a release without noise spends nothing: no cap can be passed by it (it says so where shown)
        }
        for (DaySpend day : spending(from, to).values()) {
            if (day.spent() + cost.perUnit() > day.cap() + 1e-12) {
                throw new RunFailedException(String.format(Locale.ROOT,
                        "Publishing %s would spend rho = %.4f per privacy unit on top of the %.4f already spent that day,"
                                + " past its cap of %.4f: nothing was published. Raise the cap for these days with"
                                + " 'privacy raise-cap --from %s --to %s --rho <new cap> --reason <why> --by <you>'"
                                + " (an audited decision), or wait for a new period.",
                        day.day(), cost.perUnit(), day.spent(), day.cap(), from, to));
            }
        }
        Map<YearMonth, Double> perDevice = deviceSpendByMonth(from, to);
        Map<YearMonth, Double> added = devicePart(from, to, cost);
        for (Map.Entry<YearMonth, Double> month : added.entrySet()) {
            double total = perDevice.getOrDefault(month.getKey(), 0.0) + month.getValue();
            if (total > budget.monthlyDeviceCap() + 1e-12) {
                throw new RunFailedException(String.format(Locale.ROOT,
                        "Publishing would spend rho = %.4f on one device in %s (%.4f already), past the monthly cap of"
                                + " %.4f per device (crowdlens.privacy.budget.monthly-device-cap): nothing was published.",
                        month.getValue(), month.getKey(), perDevice.getOrDefault(month.getKey(), 0.0),
                        budget.monthlyDeviceCap()));
            }
        }
    }

    /** Books a published release's cost on every day of its period (inside the publishing transaction). */
    void record(long releaseId, Dataset dataset, String runId, LocalDate from, LocalDate to, RunCost cost) {
        var insert = db.insertInto(PRIVACY_LEDGER, PRIVACY_LEDGER.LOCAL_DAY, PRIVACY_LEDGER.RELEASE_ID,
                PRIVACY_LEDGER.DATASET, PRIVACY_LEDGER.RUN_ID, PRIVACY_LEDGER.RHO_DAY_LEVEL,
                PRIVACY_LEDGER.RHO_PERIOD_LEVEL, PRIVACY_LEDGER.RECORDED_AT);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            insert = insert.values(day, releaseId, dataset.name(), runId, cost.dayLevel(), cost.periodLevel(), now);
        }
        insert.execute();
    }

    /** Each day's spend and cap, per privacy unit, in day order. */
    public Map<LocalDate, DaySpend> spending(LocalDate from, LocalDate to) {
        Map<LocalDate, Double> spent = new HashMap<>();
        db.select(PRIVACY_LEDGER.LOCAL_DAY, DSL.sum(PRIVACY_LEDGER.RHO_DAY_LEVEL.plus(PRIVACY_LEDGER.RHO_PERIOD_LEVEL)))
                .from(PRIVACY_LEDGER)
                .where(PRIVACY_LEDGER.LOCAL_DAY.between(from, to))
                .groupBy(PRIVACY_LEDGER.LOCAL_DAY)
                .forEach(r -> spent.put(r.value1(), r.value2().doubleValue()));
        Map<LocalDate, DaySpend> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new DaySpend(day, spent.getOrDefault(day, 0.0), capOn(day)));
        }
        return days;
    }

    /** The deployment's period cap, or the latest cap an operator raised for the day. */
    public double capOn(LocalDate day) {
        return db.select(PRIVACY_PERIOD_CAP.RHO_CAP).from(PRIVACY_PERIOD_CAP)
                .where(PRIVACY_PERIOD_CAP.DAY_FROM.le(day)).and(PRIVACY_PERIOD_CAP.DAY_TO.ge(day))
                .orderBy(PRIVACY_PERIOD_CAP.RAISED_AT.desc(), PRIVACY_PERIOD_CAP.ID.desc())
                .limit(1)
                .fetchOptional(PRIVACY_PERIOD_CAP.RHO_CAP)
                .orElse(privacy.budget().periodCap());
    }

    /**
     * Raises the cap of some days: an operator's decision, with their name and reason, audited. A cap can
     * only be raised, never set below what the days have already spent or below the deployment's default.
     */
    public void raiseCap(LocalDate from, LocalDate to, double rhoCap, String raisedBy, String reason) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("--from is after --to");
        }
        if (raisedBy == null || raisedBy.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("raising a privacy cap needs who decided it (--by) and why (--reason)");
        }
        if (to.isAfter(from.plusDays(366))) {
            throw new IllegalArgumentException("raise a cap for at most a year of days at once");
        }
        for (DaySpend day : spending(from, to).values()) {
            if (rhoCap < day.cap()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s already has a cap of %.4f: a cap is only ever raised", day.day(), day.cap()));
            }
        }
        db.insertInto(PRIVACY_PERIOD_CAP)
                .set(PRIVACY_PERIOD_CAP.DAY_FROM, from)
                .set(PRIVACY_PERIOD_CAP.DAY_TO, to)
                .set(PRIVACY_PERIOD_CAP.RHO_CAP, rhoCap)
                .set(PRIVACY_PERIOD_CAP.RAISED_BY, raisedBy)
                .set(PRIVACY_PERIOD_CAP.REASON, reason)
                .set(PRIVACY_PERIOD_CAP.RAISED_AT, OffsetDateTime.now(clock))
                .execute();
        audit.record(raisedBy, null, AuditAction.PRIVACY_CAP_RAISED, AuditOutcome.SUCCESS, String.format(Locale.ROOT,
                "privacy cap for %s to %s raised to rho = %.4f per unit: %s", from, to, rhoCap, reason));
    }

    /**
     * What one device present on every day has spent in each calendar month that the period touches: the
     * day-level part on each booked day, the period-level part once per release.
     */
    private Map<YearMonth, Double> deviceSpendByMonth(LocalDate from, LocalDate to) {
        LocalDate monthStart = from.withDayOfMonth(1);
        LocalDate monthEnd = YearMonth.from(to).atEndOfMonth();
        Map<YearMonth, Double> perMonth = new HashMap<>();
        Map<YearMonth, Set<Long>> releasesSeen = new HashMap<>();
        db.select(PRIVACY_LEDGER.LOCAL_DAY, PRIVACY_LEDGER.RELEASE_ID, PRIVACY_LEDGER.RHO_DAY_LEVEL,
                        PRIVACY_LEDGER.RHO_PERIOD_LEVEL)
                .from(PRIVACY_LEDGER)
                .where(PRIVACY_LEDGER.LOCAL_DAY.between(monthStart, monthEnd))
                .forEach(r -> {
                    YearMonth month = YearMonth.from(r.value1());
                    double add = r.value3();
                    if (releasesSeen.computeIfAbsent(month, m -> new HashSet<>()).add(r.value2())) {
                        add += r.value4();
                    }
                    perMonth.merge(month, add, Double::sum);
                });
        return perMonth;
    }

    private static Map<YearMonth, Double> devicePart(LocalDate from, LocalDate to, RunCost cost) {
        Map<YearMonth, Double> perMonth = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            YearMonth month = YearMonth.from(day);
            perMonth.merge(month, cost.dayLevel() + (perMonth.containsKey(month) ? 0 : cost.periodLevel()), Double::sum);
        }
        return perMonth;
    }
}
