package io.crowdlens.pipeline.commuting;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.homework.HandBuiltDrop;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Commuter pairs and weekday departure hours on a hand-built drop, exactly, on every engine. Period
 * Monday 19 to Tuesday 27 October 2026, Europe/Berlin (summer time ends on Sunday 25). Districts A, B,
 * C west to east with cells a, b, c; home and work by the defaults (docs/home-work.md).
 */
class CommuterFlowsOnEveryEngineTest {

    static final LocalDate MON_19 = LocalDate.of(2026, 10, 19);
    static final LocalDate TUE_20 = MON_19.plusDays(1);
    static final LocalDate WED_21 = MON_19.plusDays(2);
    static final LocalDate THU_22 = MON_19.plusDays(3);
    static final LocalDate FRI_23 = MON_19.plusDays(4);
    static final LocalDate SAT_24 = MON_19.plusDays(5);
    static final LocalDate MON_26 = MON_19.plusDays(7);
    static final LocalDate TUE_27 = MON_19.plusDays(8);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void commutersAreCountedPerHomeAndWorkAreaWithTheHourTheyUsuallyLeaveHome(EngineKind engine) {
        HandBuiltDrop drop = HandBuiltDrop.threeDistricts(MON_19, TUE_27);
        for (String device : new String[] {"p1", "p2"}) {
            livesInAWorksInC(drop, device);
        }
        // p1: Tuesday out of A at 07:40 (through B), Wednesday at 08:05 (straight to C)
        drop.event("p1", "a", TUE_20.atTime(7, 0)).event("p1", "b", TUE_20.atTime(7, 40)).event("p1", "c", TUE_20.atTime(8, 10));
        drop.event("p1", "a", WED_21.atTime(6, 30)).event("p1", "c", WED_21.atTime(8, 5));
        // p1 Thursday: leaves at 07:30 and reaches C only at 11:00: still a commute leaving at 7
        drop.event("p1", "a", THU_22.atTime(7, 0)).event("p1", "b", THU_22.atTime(7, 30));
        // p1 Friday: out to B and back, never in C: no departure
        drop.event("p1", "a", FRI_23.atTime(7, 0)).event("p1", "b", FRI_23.atTime(8, 0)).event("p1", "a", FRI_23.atTime(9, 0));
        // p1 Saturday to C: not a weekday
        drop.event("p1", "a", SAT_24.atTime(7, 0)).event("p1", "c", SAT_24.atTime(9, 0));
        // p1 Monday 26: first seen in B (slept elsewhere), then C: never left home that day
        drop.event("p1", "b", MON_26.atTime(7, 0)).event("p1", "c", MON_26.atTime(9, 30));
        // p2: Tuesday out at 06:59:59 (hour 6)
        drop.event("p2", "a", TUE_20.atTime(5, 0)).event("p2", "c", TUE_20.atTime(6, 59, 59));
        // p3 lives in C and works in A, the other way
        nights(drop, "p3", "c", MON_19, TUE_20, WED_21);
        workingDays(drop, "p3", "a", TUE_20, WED_21, THU_22);
        drop.event("p3", "c", WED_21.atTime(8, 0)).event("p3", "b", WED_21.atTime(8, 20)).event("p3", "a", WED_21.atTime(8, 40));
        // p4 lives and works in B: no commuter
        nights(drop, "p4", "b", MON_19, TUE_20, WED_21);
        workingDays(drop, "p4", "b", TUE_20, WED_21, THU_22);

        CommutingCounts counts = CommutingEngineRun.count(engine, drop, temp, CommutingSettings.defaults());

        assertThat(counts.layer()).isEqualTo("district");
        assertThat(counts.pairs()).containsExactlyInAnyOrder(new CommuterPair("A", "C", 2), new CommuterPair("C", "A", 1));
        // usual departure hours: p1 left at 7 on two days and at 8 on one (7), p2 at 6, p3 at 8
        assertThat(counts.departures()).containsExactlyInAnyOrder(
                new DepartureCount("A", "C", 6, 1),
                new DepartureCount("A", "C", 7, 1),
                new DepartureCount("C", "A", 8, 1));
        assertThat(counts.corridors()).as("no corridors.geojson: flows only").isEmpty();
        assertThat(counts.passes()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void departuresFollowTheLocalClockAfterSummerTimeEnds(EngineKind engine) {
        HandBuiltDrop drop = HandBuiltDrop.threeDistricts(MON_19, TUE_27);
        livesInAWorksInC(drop, "p5");
        // Monday 26, CET: 05:30 UTC at home is 06:30; 06:20 UTC out is 07:20 (08:20 at the summer offset)
        drop.eventAt("p5", "a", Instant.parse("2026-10-26T05:30:00Z")).eventAt("p5", "b", Instant.parse("2026-10-26T06:20:00Z"))
                .eventAt("p5", "c", Instant.parse("2026-10-26T06:50:00Z"));

        assertThat(CommutingEngineRun.count(engine, drop, temp, CommutingSettings.defaults()).departures())
                .containsExactly(new DepartureCount("A", "C", 7, 1));
    }

    /** Home A (three nights), work C (three working days at 11:00). */
    private static void livesInAWorksInC(HandBuiltDrop drop, String device) {
        nights(drop, device, "a", MON_19, TUE_20, WED_21);
        workingDays(drop, device, "c", TUE_20, WED_21, THU_22);
    }

    private static void nights(HandBuiltDrop drop, String device, String cell, LocalDate... evenings) {
        for (LocalDate day : evenings) {
            drop.event(device, cell, day.atTime(23, 0));
        }
    }

    private static void workingDays(HandBuiltDrop drop, String device, String cell, LocalDate... days) {
        for (LocalDate day : days) {
            drop.event(device, cell, day.atTime(11, 0));
        }
    }
}
