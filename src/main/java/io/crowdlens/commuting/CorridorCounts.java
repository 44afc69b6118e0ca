package io.crowdlens.commuting;

import io.crowdlens.release.ReleaseSummary;
import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Passes along one corridor between two dates, by hour of entry, direction and day type: the average
 * number of passes per day of that type (the sum of the published day figures divided by the number of
 * such days in the range; days with fewer than k devices in that hour count as zero). An average below
 * k is not shown either (absent: "fewer than k").
 *
 * @param days how many days of each type the range holds
 * @param averages average passes per day, by day type, direction and hour of entry (0-23)
 * @param shownCount figures shown (hours with an average of at least k)
 * @param hiddenCount figures below k
 */
public record CorridorCounts(ReleaseSummary release, int minimumCrowd, CorridorLine corridor, LocalDate from,
        LocalDate to, Map<DayType, Integer> days, Map<DayType, Map<TravelDirection, Map<Integer, Double>>> averages,
        int shownCount, int hiddenCount) {

    public CorridorCounts {
        days = Map.copyOf(days);
        Map<DayType, Map<TravelDirection, Map<Integer, Double>>> copy = new TreeMap<>();
        averages.forEach((type, byDirection) -> {
            Map<TravelDirection, Map<Integer, Double>> directions = new TreeMap<>();
            byDirection.forEach((direction, hours) -> directions.put(direction, new TreeMap<>(hours)));
            copy.put(type, directions);
        });
        averages = copy;
    }

    /** The average for one hour, or null when it is below k or nothing was published. */
    public Double average(DayType type, TravelDirection direction, int hour) {
        return averages.getOrDefault(type, Map.of()).getOrDefault(direction, Map.of()).get(hour);
    }

    /** The busiest hour of entry for one day type and direction, if any hour is shown. */
    public OptionalInt peakHour(DayType type, TravelDirection direction) {
        Map<Integer, Double> hours = averages.getOrDefault(type, Map.of()).getOrDefault(direction, Map.of());
        return hours.entrySet().stream().max(Map.Entry.<Integer, Double>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(e -> OptionalInt.of(e.getKey())).orElse(OptionalInt.empty());
    }

    public boolean isEmpty() {
        return averages.values().stream().flatMap(m -> m.values().stream()).allMatch(Map::isEmpty);
    }

    public String describe() {
        return "Average passes per day along " + corridor.name() + " by hour of entry, " + from + " to " + to
                + ": devices going through its cells in order, by hour of entry. Days with fewer than " + minimumCrowd
                + " devices in an hour count as zero; averages below " + minimumCrowd + " read \"fewer than "
                + minimumCrowd + "\".";
    }
}
