package io.crowdlens.commuting;

import io.crowdlens.pipeline.homework.HandBuiltDrop;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A hand-built drop with a known commuting truth (Europe/Berlin, Monday 19 to Tuesday 27 October 2026).
 * Districts A, B, C west to east; corridor K along 52.45 N drawn eastwards (OUTBOUND = east) through
 * cells k1, k2 (in A), k3, k4 (in B), k5, k6 (in C).
 *
 * <pre>
 * A->C 20 devices: home A, work C; Tue and Wed leave home at 07:00, first seen out at 08:15 in C (hour 8);
 *      Thu along the corridor k1..k4 from 07:10, first seen outside A in k3 at 07:20 (hour 7), home
 *      again along k4..k1 from 17:10
 * B->C 16: Tue-Thu first seen out at 08:40 (hour 8)
 * C->A 15: Tue-Thu first seen out at 07:50 (hour 7)
 * A->B  5: Tue-Thu first seen out at 08:00 (hour 8); below k = 15
 * 3 devices pass k6..k4 inbound on Saturday at 11:00: below k
 * </pre>
 */
final class CommutingDrop {

    static final LocalDate MON = LocalDate.of(2026, 10, 19);
    static final LocalDate TUE = MON.plusDays(1);
    static final LocalDate WED = MON.plusDays(2);
    static final LocalDate THU = MON.plusDays(3);
    static final LocalDate SAT = MON.plusDays(5);
    static final LocalDate LAST = MON.plusDays(8);
    static final String CORRIDOR = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"id": "K", "name": "Ringbahn", "bufferMetres": 300},
               "geometry": {"type": "LineString", "coordinates": [[13.31, 52.45], [13.45, 52.45], [13.59, 52.45]]}}
            ]}""";

    private CommutingDrop() {
    }

    static HandBuiltDrop withCorridor() {
        HandBuiltDrop drop = HandBuiltDrop.threeDistricts(MON, LAST).corridors(CORRIDOR);
        double[] lons = {13.33, 13.37, 13.43, 13.47, 13.53, 13.57};
        for (int i = 0; i < lons.length; i++) {
            drop.cell("k" + (i + 1), 52.4505, lons[i]);
        }
        for (int i = 1; i <= 20; i++) {
            String device = "ac" + i;
            commuter(drop, device, "a", "c");
            for (LocalDate day : new LocalDate[] {TUE, WED}) {
                drop.event(device, "a", day.atTime(7, 0)).event(device, "c", day.atTime(8, 15));
            }
            drop.event(device, "a", THU.atTime(7, 0));
            along(drop, device, THU.atTime(7, 10), "k1", "k2", "k3", "k4");
            drop.event(device, "c", THU.atTime(8, 15));
            along(drop, device, THU.atTime(17, 10), "k4", "k3", "k2", "k1");
            drop.event(device, "a", THU.atTime(17, 40));
        }
        commuters(drop, "bc", 16, "b", "c", 7, 30, 8, 40);
        commuters(drop, "ca", 15, "c", "a", 6, 30, 7, 50);
        commuters(drop, "ab", 5, "a", "b", 7, 0, 8, 0);
        for (int i = 1; i <= 3; i++) {
            along(drop, "weekend" + i, SAT.atTime(11, 0), "k6", "k5", "k4");
        }
        return drop;
    }

    private static void commuters(HandBuiltDrop drop, String prefix, int count, String home, String work, int homeHour,
            int homeMinute, int outHour, int outMinute) {
        for (int i = 1; i <= count; i++) {
            String device = prefix + i;
            commuter(drop, device, home, work);
            for (LocalDate day : new LocalDate[] {TUE, WED, THU}) {
                drop.event(device, home, day.atTime(homeHour, homeMinute)).event(device, work, day.atTime(outHour, outMinute));
            }
        }
    }

    /** Nights Mon-Wed at home (23:00), working days Tue-Thu at work (11:00). */
    private static void commuter(HandBuiltDrop drop, String device, String home, String work) {
        for (LocalDate day : new LocalDate[] {MON, TUE, WED}) {
            drop.event(device, home, day.atTime(23, 0));
        }
        for (LocalDate day : new LocalDate[] {TUE, WED, THU}) {
            drop.event(device, work, day.atTime(11, 0));
        }
    }

    private static void along(HandBuiltDrop drop, String device, LocalDateTime start, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            drop.event(device, cells[i], start.plusMinutes(5L * i));
        }
    }
}
