package io.crowdlens.pipeline.visits;

import io.crowdlens.pipeline.drop.LocalTimeGrid;
import io.crowdlens.pipeline.protect.FamilyCost;
import io.crowdlens.pipeline.protect.NoiseRecord;
import io.crowdlens.pipeline.protect.Noised;
import io.crowdlens.pipeline.protect.Protection;
import io.crowdlens.pipeline.protect.PublicGrid;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.privacy.PrivacySettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Noise and k on every visitors figure (docs/privacy.md). The public grids: every site the release
 * covers at every local hour and on every day of the period, in every length-of-stay bucket, split
 * first-time/returning, and (catchment) by every area of the home layer. First-time and returning
 * visitors add up to the day's visitors, so a day's pair is stored only when both parts reach k: one
 * alone would say more about the other.
 */
final class VisitsProtection {

    enum Part {
        FIRST_TIME, RETURNING
    }

    record HourKey(String site, LocalDate day, Integer hour) {
    }

    record DwellKey(String site, LocalDate day, int fromMinutes) {
    }

    record LoyaltyKey(String site, LocalDate day, Part part) {
    }

    record HomeKey(String site, String area) {
    }

    private VisitsProtection() {
    }

    /** What one privacy unit may contribute to each family (the order is the one {@link #protect} uses). */
    static List<FamilyCost> costs(PrivacySettings.Bounds bounds) {
        return List.of(
                FamilyCost.perDay(FigureFamily.VISITS_HOURLY, bounds.visitSiteHoursPerDay(),
                        "at most " + bounds.visitSiteHoursPerDay() + " site-hours per device and day, the earliest first"),
                FamilyCost.perDay(FigureFamily.VISITS_DAILY, bounds.visitSitesPerDay(),
                        "at most " + bounds.visitSitesPerDay() + " sites per device and day, the first visited first"),
                FamilyCost.perDay(FigureFamily.VISITS_DWELL, bounds.visitSitesPerDay(),
                        "one visit (the longest) per device, site and day; at most " + bounds.visitSitesPerDay()
                                + " sites per device and day"),
                FamilyCost.perPeriod(FigureFamily.VISITS_LOYALTY, bounds.loyaltySiteDaysPerPeriod(),
                        "at most " + bounds.loyaltySiteDaysPerPeriod() + " site-days per device over the period,"
                                + " the earliest first"),
                FamilyCost.perPeriod(FigureFamily.VISITS_CATCHMENT, bounds.catchmentSitesPerPeriod(),
                        "at most " + bounds.catchmentSitesPerPeriod() + " sites per device over the period, the"
                                + " first visited first"));
    }

    static Result protect(VisitsCounts counts, List<FamilyCost> costs, Protection protection, List<Site> sites,
            LocalTimeGrid time, DwellBuckets buckets, String homeLayer, List<String> homeAreas) {
        Map<HourKey, Long> hourly = new HashMap<>();
        Map<HourKey, Long> daily = new HashMap<>();
        counts.visitors().forEach(v -> (v.isDaily() ? daily : hourly)
                .put(new HourKey(v.siteCode(), v.localDay(), v.hourOfDay()), v.visitors()));
        Map<DwellKey, Long> dwell = new HashMap<>();
        counts.dwell().forEach(d -> dwell.put(new DwellKey(d.siteCode(), d.localDay(), d.fromMinutes()), d.visits()));
        Map<LoyaltyKey, Long> loyalty = new HashMap<>();
        for (VisitsCounts.Loyalty l : counts.loyalty()) {
            putIfPositive(loyalty, new LoyaltyKey(l.siteCode(), l.localDay(), Part.FIRST_TIME), l.firstTime());
            putIfPositive(loyalty, new LoyaltyKey(l.siteCode(), l.localDay(), Part.RETURNING), l.returning());
        }
        Map<HomeKey, Long> catchment = new HashMap<>();
        counts.catchment().forEach(c -> catchment.put(new HomeKey(c.siteCode(), c.areaCode()), c.visitors()));

        Noised<HourKey> noisyHours = protection.noise(costs.get(0), cell -> {
            for (Site site : sites) {
                time.hours().forEach(h -> cell.accept(new HourKey(site.code(), h.localDay(), h.hourOfDay())));
            }
        }, hourly);
        Noised<HourKey> noisyDays = protection.noise(costs.get(1), daysOf(sites, time), daily);
        Noised<DwellKey> noisyDwell = protection.noise(costs.get(2), cell -> {
            for (Site site : sites) {
                for (LocalTimeGrid.Slot day : time.days()) {
                    buckets.lowerBoundsMinutes().forEach(b -> cell.accept(new DwellKey(site.code(), day.localDay(), b)));
                }
            }
        }, dwell);
        Noised<LoyaltyKey> noisyLoyalty = protection.noise(costs.get(3), cell -> {
            for (Site site : sites) {
                for (LocalTimeGrid.Slot day : time.days()) {
                    for (Part part : Part.values()) {
                        cell.accept(new LoyaltyKey(site.code(), day.localDay(), part));
                    }
                }
            }
        }, loyalty);
        Noised<HomeKey> noisyHomes = protection.noise(costs.get(4), cell -> {
            for (Site site : sites) {
                homeAreas.forEach(area -> cell.accept(new HomeKey(site.code(), area)));
            }
        }, catchment);

        List<VisitsCounts.Visitors> visitors = new ArrayList<>();
        noisyHours.stored().forEach(c -> visitors.add(
                new VisitsCounts.Visitors(c.key().site(), c.key().day(), c.key().hour(), c.value())));
        noisyDays.stored().forEach(c -> visitors.add(
                new VisitsCounts.Visitors(c.key().site(), c.key().day(), null, c.value())));
        List<VisitsCounts.Dwell> dwellRows = noisyDwell.stored().stream().map(c -> new VisitsCounts.Dwell(
                c.key().site(), c.key().day(), c.key().fromMinutes(), buckets.upperBoundOf(c.key().fromMinutes()),
                c.value())).toList();
        List<VisitsCounts.Catchment> homes = noisyHomes.stored().stream().map(c -> new VisitsCounts.Catchment(
                c.key().site(), homeLayer, c.key().area(), c.value())).toList();
        VisitsCounts published = new VisitsCounts(visitors, dwellRows, bothParts(noisyLoyalty), homes);
        return new Result(published, List.of(noisyHours.record(), noisyDays.record(), noisyDwell.record(),
                noisyLoyalty.record(), noisyHomes.record()));
    }

    /** The day's first-time and returning figures, only where both reached k. */
    private static List<VisitsCounts.Loyalty> bothParts(Noised<LoyaltyKey> noised) {
        Map<HourKey, long[]> byDay = new HashMap<>();
        for (Noised.Cell<LoyaltyKey> cell : noised.stored()) {
            long[] parts = byDay.computeIfAbsent(new HourKey(cell.key().site(), cell.key().day(), null),
                    k -> new long[] {-1, -1});
            parts[cell.key().part().ordinal()] = cell.value();
        }
        List<VisitsCounts.Loyalty> rows = new ArrayList<>();
        byDay.forEach((day, parts) -> {
            if (parts[0] >= 0 && parts[1] >= 0) {
                rows.add(new VisitsCounts.Loyalty(day.site(), day.day(), parts[0], parts[1]));
            }
        });
        return rows;
    }

    private static PublicGrid<HourKey> daysOf(List<Site> sites, LocalTimeGrid time) {
        return cell -> {
            for (Site site : sites) {
                time.days().forEach(d -> cell.accept(new HourKey(site.code(), d.localDay(), null)));
            }
        };
    }

    private static <K> void putIfPositive(Map<K, Long> counts, K key, long value) {
        if (value > 0) {
            counts.put(key, value);
        }
    }

    record Result(VisitsCounts published, List<NoiseRecord> noise) {
    }
}
