package io.crowdlens.pipeline.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Local wall-clock time of the period to instants and back, DST-correct, without allocating per
 * event. Covers two days either side of the period so outside-period rows can be made too.
 */
final class PeriodClock {

    private static final int MARGIN_DAYS = 2;

    private final LocalDate firstDay;
    private final int days;
    private final long[] localHourStartEpochSecond;
    /** Where summer time ends the local hour happens twice: the start of its second occurrence, else -1. */
    private final long[] repeatedHourStartEpochSecond;
    private final long[] transitionEpochSecond;
    private final int[] offsetSecondsFrom;
    private final long firstEpochDay;
    private final byte[][] isoDatePrefix;

    PeriodClock(LocalDate firstDay, int days, ZoneId zone) {
        this.firstDay = firstDay;
        this.days = days;
        int coveredDays = days + 2 * MARGIN_DAYS;
        this.localHourStartEpochSecond = new long[coveredDays * 24];
        this.repeatedHourStartEpochSecond = new long[coveredDays * 24];
        for (int day = 0; day < coveredDays; day++) {
            LocalDate date = firstDay.plusDays(day - MARGIN_DAYS);
            for (int hour = 0; hour < 24; hour++) {
                // In a spring-forward gap atZone moves the hour forward; in a fall-back overlap it takes the earlier offset.
                ZonedDateTime start = LocalDateTime.of(date, LocalTime.of(hour, 0)).atZone(zone);
                long later = start.withLaterOffsetAtOverlap().toEpochSecond();
                localHourStartEpochSecond[day * 24 + hour] = start.toEpochSecond();
                repeatedHourStartEpochSecond[day * 24 + hour] = later != start.toEpochSecond() ? later : -1;
            }
        }
        ZoneRules rules = zone.getRules();
        Instant start = firstDay.minusDays(MARGIN_DAYS + 1).atStartOfDay(zone).toInstant();
        Instant end = firstDay.plusDays(days + MARGIN_DAYS + 1L).atStartOfDay(zone).toInstant();
        List<long[]> changes = new ArrayList<>();
        changes.add(new long[] {Long.MIN_VALUE, rules.getOffset(start).getTotalSeconds()});
        for (ZoneOffsetTransition t = rules.nextTransition(start); t != null && t.getInstant().isBefore(end);
                t = rules.nextTransition(t.getInstant())) {
            changes.add(new long[] {t.getInstant().getEpochSecond(), t.getOffsetAfter().getTotalSeconds()});
        }
        this.transitionEpochSecond = changes.stream().mapToLong(c -> c[0]).toArray();
        this.offsetSecondsFrom = changes.stream().mapToInt(c -> (int) c[1]).toArray();
        this.firstEpochDay = firstDay.minusDays(MARGIN_DAYS + 1).toEpochDay();
        this.isoDatePrefix = new byte[coveredDays + 2][];
        for (int i = 0; i < isoDatePrefix.length; i++) {
            isoDatePrefix[i] = (LocalDate.ofEpochDay(firstEpochDay + i) + "T").getBytes(StandardCharsets.US_ASCII);
        }
    }

    int days() {
        return days;
    }

    LocalDate date(int day) {
        return firstDay.plusDays(day);
    }

    /** The instant of a local time of day; day may be -1 or {@code days} for rows just outside the period. */
    long epochSecond(int day, int secondOfDay) {
        return localHourStartEpochSecond[(day + MARGIN_DAYS) * 24 + secondOfDay / 3600] + secondOfDay % 3600;
    }

    /** The instant of the second occurrence of an ambiguous local time (summer time ending), else -1. */
    long repeatedEpochSecond(int day, int secondOfDay) {
        long hourStart = repeatedHourStartEpochSecond[(day + MARGIN_DAYS) * 24 + secondOfDay / 3600];
        return hourStart < 0 ? -1 : hourStart + secondOfDay % 3600;
    }

    int offsetSeconds(long epochSecond) {
        int i = transitionEpochSecond.length - 1;
        while (transitionEpochSecond[i] > epochSecond) {
            i--;
        }
        return offsetSecondsFrom[i];
    }

    /** Writes e.g. {@code 2026-10-25T02:30:00+01:00}; with {@code withOffset} false, the same without offset. */
    void writeIso(AsciiOut out, long epochSecond, boolean withOffset) {
        int offset = offsetSeconds(epochSecond);
        long local = epochSecond + offset;
        long epochDay = Math.floorDiv(local, 86_400);
        int secondOfDay = (int) Math.floorMod(local, 86_400);
        out.bytes(isoDatePrefix[(int) (epochDay - firstEpochDay)]);
        out.twoDigits(secondOfDay / 3600);
        out.ascii(':');
        out.twoDigits(secondOfDay / 60 % 60);
        out.ascii(':');
        out.twoDigits(secondOfDay % 60);
        if (withOffset) {
            int minutes = Math.abs(offset) / 60;
            out.ascii(offset < 0 ? '-' : '+');
            out.twoDigits(minutes / 60);
            out.ascii(':');
            out.twoDigits(minutes % 60);
        }
    }
}
