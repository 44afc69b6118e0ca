package io.crowdlens.presence;

import java.time.DayOfWeek;

/** Which days of the week a selection covers. */
public enum DayFilter {
    EVERY_DAY("Every day"),
    WEEKDAYS("Weekdays (Mon-Fri)"),
    WEEKENDS("Weekends (Sat-Sun)");

    private final String label;

    DayFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean includes(DayOfWeek day) {
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return switch (this) {
            case EVERY_DAY -> true;
            case WEEKDAYS -> !weekend;
            case WEEKENDS -> weekend;
        };
    }
}
