package io.crowdlens.pipeline.homework;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How home and work are inferred (crowdlens.pipeline.home-work.*; docs/home-work.md). Hours are local
 * wall-clock hours of the drop's time zone, 0-23; a range [start, end) wraps past midnight when start
 * is after end (the default night, 21 to 6).
 *
 * @param layer polygon layer whose areas are homes and workplaces; when the drop has no such layer,
 *     its first polygon layer (file order) is used
 * @param nightStartHour first hour of the night (inclusive)
 * @param nightEndHour hour the night ends (exclusive); a night belongs to the date on which it began
 * @param workStartHour first working hour on weekdays (inclusive)
 * @param workEndHour hour working hours end (exclusive)
 * @param minNights nights a device must be seen in an area (at night) for it to be its home
 * @param minWorkDays weekdays a device must be seen in an area (in working hours) for it to be its work
 * @param tieRule what happens when two areas have the most nights (or days)
 */
@ConfigurationProperties("crowdlens.pipeline.home-work")
public record HomeWorkSettings(
        @DefaultValue("district") String layer,
        @DefaultValue("21") int nightStartHour,
        @DefaultValue("6") int nightEndHour,
        @DefaultValue("9") int workStartHour,
        @DefaultValue("17") int workEndHour,
        @DefaultValue("3") int minNights,
        @DefaultValue("3") int minWorkDays,
        @DefaultValue("NONE") TieRule tieRule) {

    /** What a device gets when two or more areas share the highest count of nights (or working days). */
    public enum TieRule {
        /** No home (or work) for that device: a tie is not evidence for either area. */
        NONE,
        /** The area with the alphabetically first code: always an answer, arbitrary between the tied ones. */
        LOWEST_AREA_CODE
    }

    public static HomeWorkSettings defaults() {
        return new HomeWorkSettings("district", 21, 6, 9, 17, 3, 3, TieRule.NONE);
    }

    public HomeWorkSettings {
        hour("night-start-hour", nightStartHour);
        hour("night-end-hour", nightEndHour);
        hour("work-start-hour", workStartHour);
        hour("work-end-hour", workEndHour);
        if (nightStartHour == nightEndHour) {
            throw new IllegalArgumentException("crowdlens.pipeline.home-work: the night cannot start and end at hour "
                    + nightStartHour);
        }
        if (workStartHour >= workEndHour) {
            throw new IllegalArgumentException("crowdlens.pipeline.home-work: working hours must start before they end, were "
                    + workStartHour + " to " + workEndHour);
        }
        if (minNights < 1 || minWorkDays < 1) {
            throw new IllegalArgumentException("crowdlens.pipeline.home-work: min-nights and min-work-days must be at least 1");
        }
        if (layer == null || layer.isBlank()) {
            throw new IllegalArgumentException("crowdlens.pipeline.home-work.layer must name a polygon layer");
        }
        if (tieRule == null) {
            tieRule = TieRule.NONE;
        }
    }

    public HomeWorkSettings withMinNights(int nights) {
        return new HomeWorkSettings(layer, nightStartHour, nightEndHour, workStartHour, workEndHour, nights, minWorkDays,
                tieRule);
    }

    public HomeWorkSettings withMinWorkDays(int days) {
        return new HomeWorkSettings(layer, nightStartHour, nightEndHour, workStartHour, workEndHour, minNights, days,
                tieRule);
    }

    public HomeWorkSettings withTieRule(TieRule rule) {
        return new HomeWorkSettings(layer, nightStartHour, nightEndHour, workStartHour, workEndHour, minNights,
                minWorkDays, rule);
    }

    private static void hour(String name, int value) {
        if (value < 0 || value > 23) {
            throw new IllegalArgumentException("crowdlens.pipeline.home-work." + name + " must be an hour 0-23, was " + value);
        }
    }
}
