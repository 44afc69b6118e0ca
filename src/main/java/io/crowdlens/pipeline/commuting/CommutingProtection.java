package io.crowdlens.pipeline.commuting;

import io.crowdlens.pipeline.drop.LocalTimeGrid;
import io.crowdlens.pipeline.protect.FamilyCost;
import io.crowdlens.pipeline.protect.Noised;
import io.crowdlens.pipeline.protect.Protection;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.privacy.PrivacySettings;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Noise and k on the commuting figures (docs/privacy.md). The public grids: every ordered pair of
 * different areas of the home/work layer, each pair at every hour of day, and every corridor at every
 * local hour of the period in both directions. Nothing else is published: no totals, so every total
 * a partner sees is a sum of figures it was shown (docs/commuting.md).
 */
final class CommutingProtection {

    record Pair(String home, String work) {
    }

    record PairHour(String home, String work, int hour) {
    }

    record CorridorHour(String corridor, LocalDate day, int hour, Direction direction) {
    }

    private CommutingProtection() {
    }

    /** What one privacy unit may contribute to each family: commuting first, then the corridors (when any). */
    static List<FamilyCost> costs(PrivacySettings.Bounds bounds, boolean corridors) {
        FamilyCost pairs = FamilyCost.perPeriod(FigureFamily.COMMUTING_OD, 1,
                "one pair per device (its home and work area over the period)");
        FamilyCost departures = FamilyCost.perPeriod(FigureFamily.COMMUTING_DEPARTURE, 1,
                "one usual departure hour per commuter");
        if (!corridors) {
            return List.of(pairs, departures);
        }
        return List.of(pairs, departures, FamilyCost.perDay(FigureFamily.CORRIDOR_PASSES, bounds.corridorPassesPerDay(),
                "at most " + bounds.corridorPassesPerDay() + " corridor passes per device and day, the earliest first;"
                        + " a device counts once per corridor, hour and direction"));
    }

    static PublishableCommuting protect(CommutingCounts counts, List<FamilyCost> costs, Protection protection,
            List<String> areas, LocalTimeGrid time) {
        Map<Pair, Long> pairs = new HashMap<>();
        counts.pairs().forEach(p -> pairs.put(new Pair(p.homeArea(), p.workArea()), p.commuters()));
        Map<PairHour, Long> departures = new HashMap<>();
        counts.departures().forEach(d -> departures.put(new PairHour(d.homeArea(), d.workArea(), d.hourOfDay()),
                d.commuters()));
        Noised<Pair> noisyPairs = protection.noise(costs.get(0), cell -> {
            for (String home : areas) {
                for (String work : areas) {
                    if (!home.equals(work)) {
                        cell.accept(new Pair(home, work));
                    }
                }
            }
        }, pairs);
        Noised<PairHour> noisyDepartures = protection.noise(costs.get(1), cell -> {
            for (String home : areas) {
                for (String work : areas) {
                    if (!home.equals(work)) {
                        for (int hour = 0; hour < 24; hour++) {
                            cell.accept(new PairHour(home, work, hour));
                        }
                    }
                }
            }
        }, departures);
        List<CommuterPair> publishedPairs = noisyPairs.stored().stream()
                .map(c -> new CommuterPair(c.key().home(), c.key().work(), c.value())).toList();
        List<DepartureCount> publishedDepartures = noisyDepartures.stored().stream()
                .map(c -> new DepartureCount(c.key().home(), c.key().work(), c.key().hour(), c.value())).toList();
        if (costs.size() < 3) {
            return new PublishableCommuting(counts.layer(), counts.corridors(), counts.corridorCells(), publishedPairs,
                    publishedDepartures, List.of(), List.of(noisyPairs.record(), noisyDepartures.record()));
        }
        Map<CorridorHour, Long> passes = new HashMap<>();
        counts.passes().forEach(p -> passes.put(new CorridorHour(p.corridorCode(), p.localDay(), p.hourOfDay(),
                p.direction()), p.passes()));
        Noised<CorridorHour> noisyPasses = protection.noise(costs.get(2), cell -> {
            for (Corridor corridor : counts.corridors()) {
                for (LocalTimeGrid.Slot hour : time.hours()) {
                    for (Direction direction : Direction.values()) {
                        cell.accept(new CorridorHour(corridor.code(), hour.localDay(), hour.hourOfDay(), direction));
                    }
                }
            }
        }, passes);
        List<CorridorPassCount> publishedPasses = noisyPasses.stored().stream()
                .map(c -> new CorridorPassCount(c.key().corridor(), c.key().day(), c.key().hour(), c.key().direction(),
                        c.value())).toList();
        return new PublishableCommuting(counts.layer(), counts.corridors(), counts.corridorCells(), publishedPairs,
                publishedDepartures, publishedPasses,
                List.of(noisyPairs.record(), noisyDepartures.record(), noisyPasses.record()));
    }
}
