package io.crowdlens.pipeline.presence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A zone's UTC offsets from two days before a period to two days after it: the offset in force before
 * each change, and the one after the last. Local time of an instant in that window is the instant plus
 * the offset in force at it, exactly what {@code AT TIME ZONE} computes.
 */
record ZoneOffsets(List<Change> changes, long lastOffsetMicros) {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    /** At {@code atEpochMicros} the offset changes; before it, {@code offsetBeforeMicros} applies. */
    record Change(long atEpochMicros, long offsetBeforeMicros) {
    }

    ZoneOffsets {
        changes = List.copyOf(changes);
    }

    static ZoneOffsets around(ZoneId zone, LocalDate from, LocalDate to) {
        ZoneRules rules = zone.getRules();
        Instant start = from.minusDays(2).atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(3).atStartOfDay(zone).toInstant();
        List<Change> changes = new ArrayList<>();
        ZoneOffset current = rules.getOffset(start);
        for (ZoneOffsetTransition t = rules.nextTransition(start); t != null && t.getInstant().isBefore(end);
                t = rules.nextTransition(t.getInstant())) {
            changes.add(new Change(t.getInstant().getEpochSecond() * MICROS_PER_SECOND, micros(t.getOffsetBefore())));
            current = t.getOffsetAfter();
        }
        return new ZoneOffsets(changes, micros(current));
    }

    private static long micros(ZoneOffset offset) {
        return offset.getTotalSeconds() * MICROS_PER_SECOND;
    }
}
