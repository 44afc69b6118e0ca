package io.crowdlens.pipeline.homework;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.pipeline.ClassifiedDrop;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.homework.HomeWork.HomeWorkTable;
import io.crowdlens.pipeline.homework.HomeWorkSettings.TieRule;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Home and work on hand-built drops, exactly, on every engine. The period runs from Monday 19 to Tuesday
 * 27 October 2026 in Europe/Berlin; summer time ends on Sunday 25 October (03:00 CEST becomes 02:00 CET,
 * at 01:00 UTC). Defaults: night 21-6, working hours 9-17 on weekdays, at least 3 nights or days.
 */
class HomeWorkOnEveryEngineTest {

    static final LocalDate MON_19 = LocalDate.of(2026, 10, 19);
    static final LocalDate TUE_20 = MON_19.plusDays(1);
    static final LocalDate WED_21 = MON_19.plusDays(2);
    static final LocalDate THU_22 = MON_19.plusDays(3);
    static final LocalDate FRI_23 = MON_19.plusDays(4);
    static final LocalDate SAT_24 = MON_19.plusDays(5);
    static final LocalDate SUN_25 = MON_19.plusDays(6);
    static final LocalDate MON_26 = MON_19.plusDays(7);
    static final LocalDate TUE_27 = MON_19.plusDays(8);

    @TempDir
    Path temp;

    record HomeAndWork(String home, String work) {
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void deviceLivesWhereItSpendsMostNightsAndWorksWhereItSpendsMostWorkingDays(EngineKind engine) {
        HandBuiltDrop drop = drop();
        nights(drop, "d1", "a", MON_19, TUE_20, WED_21);
        nights(drop, "d1", "b", THU_22);
        workingDays(drop, "d1", "c", TUE_20, WED_21, THU_22);
        workingDays(drop, "d1", "b", FRI_23);

        assertThat(homeAndWork(engine, drop, HomeWorkSettings.defaults())).containsExactly(new HomeAndWork("A", "C"));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void tiedNightsGiveNoHomeUnlessTheTieRuleTakesTheLowestAreaCode(EngineKind engine) {
        HandBuiltDrop drop = drop();
        nights(drop, "d2", "b", MON_19, TUE_20, WED_21);
        nights(drop, "d2", "a", THU_22, FRI_23, SAT_24);
        workingDays(drop, "d2", "c", TUE_20, WED_21, THU_22);
        workingDays(drop, "d2", "b", TUE_20, WED_21, THU_22);

        assertThat(homeAndWork(engine, drop, HomeWorkSettings.defaults()))
                .as("tie rule NONE: a tie is evidence for neither area, so the device has no row")
                .isEmpty();
        assertThat(homeAndWork(engine, drop, HomeWorkSettings.defaults().withTieRule(TieRule.LOWEST_AREA_CODE)))
                .as("tie rule LOWEST_AREA_CODE: A before B for the home, B before C for the work")
                .containsExactly(new HomeAndWork("A", "B"));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void tooFewNightsGiveNoHomeAndTooFewDaysNoWork(EngineKind engine) {
        HandBuiltDrop drop = drop();
        nights(drop, "d3", "a", MON_19, TUE_20);
        workingDays(drop, "d3", "c", TUE_20, WED_21, THU_22);
        nights(drop, "d4", "b", MON_19, TUE_20, WED_21);
        workingDays(drop, "d4", "c", TUE_20, WED_21);
        nights(drop, "d5", "a", MON_19);
        workingDays(drop, "d5", "c", MON_19);

        assertThat(homeAndWork(engine, drop, HomeWorkSettings.defaults()))
                .as("d5 has neither and gets no row")
                .containsExactlyInAnyOrder(new HomeAndWork(null, "C"), new HomeAndWork("B", null));
        assertThat(homeAndWork(engine, drop, HomeWorkSettings.defaults().withMinNights(1).withMinWorkDays(1)))
                .containsExactlyInAnyOrder(new HomeAndWork("A", "C"), new HomeAndWork("B", "C"),
                        new HomeAndWork("A", "C"));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aNightSpanningMidnightIsOneNight(EngineKind engine) {
        HandBuiltDrop drop = drop();
        // four calendar dates but two nights: 19-20 and 20-21
        drop.event("d6", "a", MON_19.atTime(22, 0)).event("d6", "a", TUE_20.atTime(1, 0))
                .event("d6", "a", TUE_20.atTime(22, 0)).event("d6", "a", WED_21.atTime(2, 0));
        // three nights seen only after midnight, the last a second before the night ends
        drop.event("d7", "b", TUE_20.atTime(1, 0)).event("d7", "b", WED_21.atTime(3, 0))
                .event("d7", "b", THU_22.atTime(5, 59, 59));
        // 06:00 is morning, 21:00 is night
        for (LocalDate day : List.of(MON_19, TUE_20, WED_21)) {
            drop.event("d8", "a", day.plusDays(1).atTime(6, 0)).event("d8", "c", day.atTime(21, 0));
        }

        assertThat(homeAndWork(engine, drop, HomeWorkSettings.defaults()))
                .containsExactlyInAnyOrder(new HomeAndWork("B", null), new HomeAndWork("C", null));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void nightsAndWorkingHoursFollowTheLocalClockWhenSummerTimeEnds(EngineKind engine) {
        HandBuiltDrop drop = drop();
        // 04:45 UTC is 05:45 CET (night) on 25-27 October; it would be 06:45 at the summer offset
        for (LocalDate day : List.of(SUN_25, MON_26, TUE_27)) {
            drop.eventAt("d9", "a", Instant.parse(day + "T04:45:00Z"));
        }
        // the repeated hour: 02:30 CEST and 02:30 CET of one night are one night, not two
        drop.eventAt("d10", "b", Instant.parse("2026-10-25T00:30:00Z")).eventAt("d10", "b", Instant.parse("2026-10-25T01:30:00Z"));
        drop.event("d10", "b", THU_22.atTime(23, 0));
        // 07:30 UTC on Monday 26 is 08:30 CET, before working hours (09:30 at the summer offset)
        nights(drop, "d11", "a", MON_19, TUE_20, WED_21);
        workingDays(drop, "d11", "c", THU_22, FRI_23);
        drop.eventAt("d11", "c", Instant.parse("2026-10-26T07:30:00Z"));

        assertThat(homeAndWork(engine, drop, HomeWorkSettings.defaults()))
                .containsExactlyInAnyOrder(new HomeAndWork("A", null), new HomeAndWork("A", null));
        assertThat(homeAndWork(engine, drop, HomeWorkSettings.defaults().withMinNights(2)))
                .as("d10 on 2 nights in B")
                .containsExactlyInAnyOrder(new HomeAndWork("A", null), new HomeAndWork("A", null),
                        new HomeAndWork("B", null));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void workInTheHomeAreaOrOnWeekendsIsNoWork(EngineKind engine) {
        HandBuiltDrop drop = drop();
        nights(drop, "d12", "a", MON_19, TUE_20, WED_21);
        workingDays(drop, "d12", "a", TUE_20, WED_21, THU_22);
        nights(drop, "d13", "b", MON_19, TUE_20, WED_21);
        workingDays(drop, "d13", "c", SAT_24, SUN_25, MON_26);
        // before 09:00 and from 17:00 on are not working hours
        nights(drop, "d14", "b", MON_19, TUE_20, WED_21);
        for (LocalDate day : List.of(TUE_20, WED_21, THU_22)) {
            drop.event("d14", "c", day.atTime(8, 59, 59)).event("d14", "c", day.atTime(17, 0));
        }

        assertThat(homeAndWork(engine, drop, HomeWorkSettings.defaults()))
                .containsExactlyInAnyOrder(new HomeAndWork("A", null), new HomeAndWork("B", null),
                        new HomeAndWork("B", null));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void optedOutDevicesHaveNoHomeAndASecondProductReusesTheTable(EngineKind engine) {
        HandBuiltDrop drop = drop();
        nights(drop, "d15", "a", MON_19, TUE_20, WED_21);
        nights(drop, "d16", "b", MON_19, TUE_20, WED_21);
        drop.optOut("d16");

        try (ClassifiedDrop classified = ClassifiedDrop.of(engine, drop.writeTo(temp.resolve("drop")), temp.resolve("out"))) {
            HomeWorkTable first = HomeWork.ensure(classified.engine(), classified.inputs(), HomeWorkSettings.defaults());
            HomeWorkTable second = HomeWork.ensure(classified.engine(), classified.inputs(), HomeWorkSettings.defaults());

            assertThat(first).isEqualTo(second);
            assertThat(first.layer()).isEqualTo("district");
            assertThat(rows(classified)).containsExactly(new HomeAndWork("A", null));
        }
    }

    private static HandBuiltDrop drop() {
        return HandBuiltDrop.threeDistricts(MON_19, TUE_27);
    }

    /** One event at 23:00 on each date, in the given cell. */
    static void nights(HandBuiltDrop drop, String device, String cell, LocalDate... evenings) {
        for (LocalDate day : evenings) {
            drop.event(device, cell, day.atTime(LocalTime.of(23, 0)));
        }
    }

    /** One event at 11:00 on each date, in the given cell. */
    static void workingDays(HandBuiltDrop drop, String device, String cell, LocalDate... days) {
        for (LocalDate day : days) {
            drop.event(device, cell, day.atTime(LocalTime.of(11, 0)));
        }
    }

    private List<HomeAndWork> homeAndWork(EngineKind engine, HandBuiltDrop drop, HomeWorkSettings settings) {
        Path run = temp.resolve("run-" + System.nanoTime());
        try (ClassifiedDrop classified = ClassifiedDrop.of(engine, drop.writeTo(run.resolve("drop")), run.resolve("out"))) {
            HomeWork.ensure(classified.engine(), classified.inputs(), settings);
            return rows(classified);
        }
    }

    private static List<HomeAndWork> rows(ClassifiedDrop classified) {
        return classified.engine().sql().select(HomeWork.HOME_AREA, HomeWork.WORK_AREA)
                .from(HomeWork.DEVICE_HOME_WORK)
                .fetch(r -> new HomeAndWork(r.value1(), r.value2()));
    }
}
