package io.crowdlens.commuting;

import io.crowdlens.figures.Answer;
import io.crowdlens.common.Figure;
import io.crowdlens.release.ReleaseSummary;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Devices passing along one corridor between two dates, by hour of entry, direction and day type: the
 * average per day of that type (the day figures that reach the partner's k, added up and divided by
 * the number of such days in the range; the others count as zero), checked against k again.
 *
 * @param days how many days of each type the range holds
 * @param averages average per day, by day type, direction and hour of entry (0-23); every hour of a day
 *     type the range has is present, shown or hidden
 */
public record CorridorCounts(ReleaseSummary release, int minimumCrowd, CorridorLine corridor, LocalDate from,
        LocalDate to, Map<DayType, Integer> days, Map<DayType, Map<TravelDirection, Map<Integer, Figure>>> averages)
        implements Answer {

    public CorridorCounts {
        days = Map.copyOf(days);
        Map<DayType, Map<TravelDirection, Map<Integer, Figure>>> copy = new TreeMap<>();
        averages.forEach((type, byDirection) -> {
            Map<TravelDirection, Map<Integer, Figure>> directions = new TreeMap<>();
            byDirection.forEach((direction, hours) -> directions.put(direction, new TreeMap<>(hours)));
            copy.put(type, directions);
        });
        averages = copy;
    }

    /** The average for one hour (hidden when below k or nothing was stored, or the range has no such day). */
    public Figure average(DayType type, TravelDirection direction, int hour) {
        return averages.getOrDefault(type, Map.of()).getOrDefault(direction, Map.of()).getOrDefault(hour,
                Figure.hidden());
    }

    /** The busiest hour of entry for one day type and direction, if any hour is shown. */
    public OptionalInt peakHour(DayType type, TravelDirection direction) {
        Map<Integer, Figure> hours = averages.getOrDefault(type, Map.of()).getOrDefault(direction, Map.of());
        return hours.entrySet().stream().filter(e -> e.getValue().shown())
                .max(Comparator.<Map.Entry<Integer, Figure>>comparingDouble(e -> ((Figure.Shown) e.getValue()).value())
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(e -> OptionalInt.of(e.getKey())).orElse(OptionalInt.empty());
    }

    public boolean isEmpty() {
        return shownFigures() == 0;
    }

    @Override
    public int shownFigures() {
        return (int) averages.values().stream().flatMap(m -> m.values().stream()).flatMap(h -> h.values().stream())
                .filter(Figure::shown).count();
    }

    @Override
    public int hiddenFigures() {
        return (int) averages.values().stream().flatMap(m -> m.values().stream()).flatMap(h -> h.values().stream())
                .filter(f -> !f.shown()).count();
    }

    public String describe() {
        return "Average devices passing per day along " + corridor.name() + " by hour of entry, " + from + " to " + to
                + ": devices going through its cells in order, each counted once per hour and direction. A day's"
                + " figure not shown (below the minimum crowd of " + minimumCrowd + ") counts as zero; averages below "
                + minimumCrowd + " are not shown. " + release.figureSentence() + ".";
    }
}
