package io.crowdlens.pipeline.drop;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The local days and local hours of a period as real time intervals [start, end) in epoch
 * milliseconds, computed in Java with the IANA rules so that every engine gets the same DST-correct
 * buckets. When clocks go back, the repeated hour is one bucket two real hours long; when they go
 * forward, the skipped hour has no bucket; a local day is 23, 24 or 25 real hours long.
 */
public record LocalTimeGrid(List<Slot> days, List<Slot> hours) {

    /** One local day ({@code hourOfDay} null) or one local hour of a day, as a real interval. */
    public record Slot(LocalDate localDay, Integer hourOfDay, long startMillis, long endMillis) {
    }

    public LocalTimeGrid {
        days = List.copyOf(days);
        hours = List.copyOf(hours);
    }

    public static LocalTimeGrid of(LocalDate from, LocalDate to, ZoneId zone) {
        List<Slot> days = new ArrayList<>();
        List<Slot> hours = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long dayEnd = millis(day.plusDays(1).atStartOfDay(zone));
            days.add(new Slot(day, null, millis(day.atStartOfDay(zone)), dayEnd));
            for (int hour = 0; hour < 24; hour++) {
                LocalDateTime start = day.atTime(hour, 0);
                if (zone.getRules().getValidOffsets(start).isEmpty()) {
                    continue; // skipped when clocks go forward
                }
                long end = hour == 23 ? dayEnd : millis(ZonedDateTime.ofLocal(start.plusHours(1), zone, null));
                hours.add(new Slot(day, hour, millis(ZonedDateTime.ofLocal(start, zone, null)), end));
            }
        }
        return new LocalTimeGrid(days, hours);
    }

    /** The longest slot of a list: lets a join skip slots that end before a stay begins. */
    public static long longest(List<Slot> slots) {
        return slots.stream().mapToLong(s -> s.endMillis() - s.startMillis()).max().orElse(0);
    }

    private static long millis(ZonedDateTime time) {
        return time.toInstant().toEpochMilli();
    }
}
