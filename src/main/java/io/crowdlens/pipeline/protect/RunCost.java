package io.crowdlens.pipeline.protect;

import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.privacy.noise.ZeroConcentratedDp;
import java.util.List;

/**
 * What a run's figures cost in rho-zCDP (docs/privacy.md, "The accountant"): per privacy unit (one
 * device's figures of one local day) the day-level families' cost plus the period-level families'
 * cost; per device over the whole release, the day-level cost on each of its days and the
 * period-level cost once. Families are independent mechanisms, so their costs add up (zCDP composes
 * by addition).
 */
public record RunCost(double dayLevel, double periodLevel) {

    public static RunCost ofFamilies(List<FamilyCost> families, Protection protection) {
        double day = 0;
        double period = 0;
        for (FamilyCost family : families) {
            double rho = protection.rhoOf(family);
            if (family.family().scope() == FigureFamily.Scope.DAY) {
                day += rho;
            } else {
                period += rho;
            }
        }
        return new RunCost(day, period);
    }

    public static RunCost ofRecords(List<NoiseRecord> records) {
        double day = 0;
        double period = 0;
        for (NoiseRecord record : records) {
            if (record.family().scope() == FigureFamily.Scope.DAY) {
                day += record.rho();
            } else {
                period += record.rho();
            }
        }
        return new RunCost(day, period);
    }

    /** rho per privacy unit. */
    public double perUnit() {
        return dayLevel + periodLevel;
    }

    /** rho for one device present on every one of {@code days} days of the release. */
    public double perDevice(long days) {
        return days * dayLevel + periodLevel;
    }

    /** epsilon of the (epsilon, delta) statement per privacy unit (the conversion of ZeroConcentratedDp#epsilon). */
    public double epsilonPerUnit(double delta) {
        return perUnit() == 0 ? 0 : ZeroConcentratedDp.epsilon(perUnit(), delta);
    }

    public RunCost plus(RunCost other) {
        return new RunCost(dayLevel + other.dayLevel, periodLevel + other.periodLevel);
    }
}
