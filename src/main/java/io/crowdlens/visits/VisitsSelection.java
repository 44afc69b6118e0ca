package io.crowdlens.visits;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/** A visitors question: one or more sites (figures are always per site) and a period of local days. */
public record VisitsSelection(List<Long> siteIds, LocalDate from, LocalDate to) {

    public static final int MAX_SITES = 10;

    public VisitsSelection {
        if (siteIds == null || siteIds.isEmpty() || from == null || to == null) {
            throw new IllegalArgumentException("choose at least one site and a period");
        }
        siteIds = siteIds.stream().distinct().toList();
        if (siteIds.size() > MAX_SITES) {
            throw new IllegalArgumentException("choose at most " + MAX_SITES + " sites at a time");
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the first day is after the last day");
        }
        if (from.plusDays(366).isBefore(to)) {
            throw new IllegalArgumentException("a selection covers at most one year");
        }
    }

    public static VisitsSelection of(long siteId, LocalDate from, LocalDate to) {
        return new VisitsSelection(List.of(siteId), from, to);
    }

    public List<LocalDate> dates() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** One line for audit records. */
    String describe(String question) {
        return "visits " + question + " sites=" + siteIds + " " + from + ".." + to;
    }
}
