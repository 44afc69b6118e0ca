package io.crowdlens.pipeline.commuting;

import static io.crowdlens.pipeline.commuting.Direction.INBOUND;
import static io.crowdlens.pipeline.commuting.Direction.OUTBOUND;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.homework.HandBuiltDrop;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Corridor passes on hand-built drops, exactly, on every engine. Corridor K runs west to east along
 * 52.45 N (so OUTBOUND is eastwards) with six cells k1..k6 from west to east, 55 m north of the line;
 * the districts' own cells a, b, c lie 5.5 km away, outside its 300 m buffer. Defaults: at least 3
 * cells in order within 60 minutes.
 */
class CorridorPassesOnEveryEngineTest {

    static final LocalDate THU_22 = LocalDate.of(2026, 10, 22);
    static final LocalDate FRI_23 = THU_22.plusDays(1);
    static final LocalDate SAT_24 = THU_22.plusDays(2);
    static final String CORRIDOR = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"id": "K", "name": "Ringbahn", "bufferMetres": 300},
               "geometry": {"type": "LineString", "coordinates": [[13.31, 52.45], [13.45, 52.45], [13.59, 52.45]]}}
            ]}""";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void directionFollowsTheOrderOfCellsAlongTheLine(EngineKind engine) {
        HandBuiltDrop drop = drop();
        along(drop, "out", THU_22.atTime(8, 0), 5, "k1", "k2", "k3", "k4");
        along(drop, "in", THU_22.atTime(17, 0), 5, "k6", "k5", "k4");

        assertThat(passes(engine, drop)).containsExactlyInAnyOrder(
                new CorridorPassCount("K", THU_22, 8, OUTBOUND, 1),
                new CorridorPassCount("K", THU_22, 17, INBOUND, 1));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void eventsOutOfOrderInTheFileCountAsTheyHappened(EngineKind engine) {
        HandBuiltDrop drop = drop();
        along(drop, "out", THU_22.atTime(8, 0), 5, "k1", "k2", "k3", "k4");
        along(drop, "in", THU_22.atTime(17, 0), 5, "k6", "k5", "k4");
        along(drop, "in", FRI_23.atTime(7, 30), 5, "k6", "k5", "k4");
        drop.reverseEventOrder();

        assertThat(passes(engine, drop)).containsExactlyInAnyOrder(
                new CorridorPassCount("K", THU_22, 8, OUTBOUND, 1),
                new CorridorPassCount("K", THU_22, 17, INBOUND, 1),
                new CorridorPassCount("K", FRI_23, 7, INBOUND, 1));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aCellMissedOnTheWayStillCountsButASilenceOrADetourBreaksTheTraversal(EngineKind engine) {
        HandBuiltDrop drop = drop();
        // k2 not seen (the phone had no event there): k1, k3, k4 is three cells in order
        along(drop, "skips", THU_22.atTime(9, 0), 5, "k1", "k3", "k4");
        // seen twice in k3: still three cells
        along(drop, "twice", THU_22.atTime(9, 0), 5, "k1", "k3", "k3", "k4");
        // two hours without events between k2 and k3: two traversals of two cells, neither a pass
        along(drop, "silent", THU_22.atTime(10, 0), 5, "k1", "k2");
        along(drop, "silent", THU_22.atTime(12, 0), 5, "k3", "k4");
        // an event off the corridor between k2 and k3 (in district B): the device left it
        along(drop, "detour", THU_22.atTime(10, 0), 5, "k1", "k2", "b", "k3", "k4");
        // 75 minutes from entry to exit: over the limit
        along(drop, "slow", THU_22.atTime(11, 0), 25, "k1", "k2", "k3", "k4");

        assertThat(passes(engine, drop)).containsExactlyInAnyOrder(
                new CorridorPassCount("K", THU_22, 9, OUTBOUND, 2));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aPassStartingBeforeMidnightCountsOnTheDayAndHourItWasEntered(EngineKind engine) {
        HandBuiltDrop drop = drop();
        // Friday 23:50 to Saturday 00:05: a weekday pass at 23
        along(drop, "late", FRI_23.atTime(23, 50), 5, "k6", "k5", "k4", "k3");
        // waited in k1 from 22:30 (near home); entered when it left k1 at 23:55
        along(drop, "waits", FRI_23.atTime(22, 30), 45, "k1", "k1");
        along(drop, "waits", FRI_23.atTime(23, 55), 5, "k1", "k2", "k3");

        assertThat(passes(engine, drop)).containsExactlyInAnyOrder(
                new CorridorPassCount("K", FRI_23, 23, INBOUND, 1),
                new CorridorPassCount("K", FRI_23, 23, OUTBOUND, 1));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aTurnEndsOneTraversalAndStartsTheNext(EngineKind engine) {
        HandBuiltDrop drop = drop();
        along(drop, "turns", THU_22.atTime(14, 0), 5, "k1", "k2", "k3", "k4", "k3", "k2", "k1");

        assertThat(passes(engine, drop))
                .as("out k1-k4; back k4-k1 (the turn at k4 ends one traversal and begins the next)")
                .containsExactlyInAnyOrder(
                        new CorridorPassCount("K", THU_22, 14, OUTBOUND, 1),
                        new CorridorPassCount("K", THU_22, 14, INBOUND, 1));
        assertThat(CommutingEngineRun.count(engine, drop, temp, new CommutingSettings(5, Duration.ofMinutes(60))).passes())
                .as("neither way passes through 5 cells")
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aPassInTheRepeatedHourWhenClocksGoBackCountsInThatHour(EngineKind engine) {
        HandBuiltDrop drop = drop();
        // 02:50 CEST, then 02:05 and 02:15 CET: 25 minutes in real time, entered at 02:xx on the 25th
        drop.eventAt("dst", "k1", Instant.parse("2026-10-25T00:50:00Z"))
                .eventAt("dst", "k2", Instant.parse("2026-10-25T01:05:00Z"))
                .eventAt("dst", "k3", Instant.parse("2026-10-25T01:15:00Z"));

        assertThat(passes(engine, drop)).containsExactly(
                new CorridorPassCount("K", LocalDate.of(2026, 10, 25), 2, OUTBOUND, 1));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aDevicePassingTwiceInOneHourAndDirectionCountsOnce(EngineKind engine) {
        HandBuiltDrop drop = drop();
        // out, back unseen (k3 to k1 in 20 minutes is two cells inbound: no pass), out again
        along(drop, "twice", SAT_24.atTime(10, 0), 5, "k1", "k2", "k3");
        along(drop, "twice", SAT_24.atTime(10, 30), 5, "k1", "k2", "k3");
        along(drop, "once", SAT_24.atTime(10, 40), 5, "k2", "k3", "k4", "k5", "k6");

        assertThat(passes(engine, drop)).containsExactly(new CorridorPassCount("K", SAT_24, 10, OUTBOUND, 2));
    }

    private static HandBuiltDrop drop() {
        HandBuiltDrop drop = HandBuiltDrop.threeDistricts(THU_22.minusDays(3), THU_22.plusDays(5)).corridors(CORRIDOR);
        double[] lons = {13.33, 13.37, 13.43, 13.47, 13.53, 13.57};
        for (int i = 0; i < lons.length; i++) {
            drop.cell("k" + (i + 1), 52.4505, lons[i]);
        }
        return drop;
    }

    /** Events in the given cells, {@code minutes} apart, from {@code start} (local). */
    static void along(HandBuiltDrop drop, String device, LocalDateTime start, int minutes, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            drop.event(device, cells[i], start.plusMinutes((long) i * minutes));
        }
    }

    private List<CorridorPassCount> passes(EngineKind engine, HandBuiltDrop drop) {
        return CommutingEngineRun.count(engine, drop, temp, CommutingSettings.defaults()).passes();
    }
}
