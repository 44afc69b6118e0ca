package io.crowdlens.commuting;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Weekdays are Monday to Friday (no public holidays), weekends Saturday and Sunday. */
public enum DayType {
    WEEKDAY("Weekdays"),
    WEEKEND("Weekends");

    private final String label;

    DayType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static DayType of(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? WEEKEND : WEEKDAY;
    }
}
