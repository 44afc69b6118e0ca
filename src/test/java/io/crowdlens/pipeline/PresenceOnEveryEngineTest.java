package io.crowdlens.pipeline;

import static io.crowdlens.pipeline.HandCountedDrop.ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.presence.PresenceCount;
import io.crowdlens.testing.TrinoCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one aggregation, rendered for each engine, on drops small enough to count by hand. */
class PresenceOnEveryEngineTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void handCountedDropGivesTheHandCountedPresence(EngineKind engine) {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));

        EngineHarness.Result result = EngineHarness.aggregate(engine, drop, temp.resolve("out"));

        assertThat(result.events().read()).isEqualTo(HandCountedDrop.EVENTS);
        assertThat(result.events().accepted()).isEqualTo(HandCountedDrop.EVENTS);
        assertThat(result.presence()).containsExactlyInAnyOrderElementsOf(ALL);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void optingOutOneDeviceTakesExactlyItsContributionAway(EngineKind engine) {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        TestDrops.append(drop, "optouts.csv", "d05,2026-03-04\n");

        EngineHarness.Result result = EngineHarness.aggregate(engine, drop, temp.resolve("out"));

        // d05 was in every figure except c2's H3 cell (d01-d03) and c4's (d13)
        List<PresenceCount> expected = new ArrayList<>();
        for (PresenceCount count : ALL) {
            boolean d05WasThere = !count.areaCode().equals(HandCountedDrop.HEX_C2)
                    && !count.areaCode().equals(HandCountedDrop.HEX_C4);
            expected.add(d05WasThere ? count.withDevices(count.devices() - 1) : count);
        }
        assertThat(result.presence()).containsExactlyInAnyOrderElementsOf(expected);
        // d05 had 4 events (c1 once, c3 three times); they are removed, not rejected
        assertThat(result.events().optedOut()).isEqualTo(4);
        assertThat(result.events().rejectedTotal()).isZero();
        assertThat(result.events().accepted()).isEqualTo(HandCountedDrop.EVENTS - 4);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void perDeviceScratchSpaceIsDeletedWhenARunEndsWellOrBadly(EngineKind engine) throws Exception {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        EngineHarness.aggregate(engine, drop, temp.resolve("good"));
        assertThat(scratchLeft(engine, temp.resolve("good"))).as("after a good run").isZero();

        TestDrops.write(drop, "events.csv", "device_id,cell_id,time\nd01,c1,2026-03-02T08:15:00Z\n");
        assertThatThrownBy(() -> EngineHarness.aggregate(engine, drop, temp.resolve("bad")))
                .isInstanceOf(DropException.class);
        assertThat(scratchLeft(engine, temp.resolve("bad"))).as("after a failed run").isZero();
    }

    /** Scratch folders (DuckDB) or scratch schemas (PostgreSQL; Trino's scratch and key catalogs) still present. */
    private static long scratchLeft(EngineKind engine, Path output) throws Exception {
        if (engine == EngineKind.DUCKDB) {
            return Files.exists(output.resolve("scratch")) ? 1 : 0;
        }
        if (engine == EngineKind.TRINO) {
            return TrinoCluster.shared().count("select count(*) from iceberg.information_schema.schemata"
                    + " where schema_name like 'crowdlens_run_%'")
                    + TrinoCluster.shared().count("select count(*) from memory.information_schema.schemata"
                    + " where schema_name like 'crowdlens_run_%'");
        }
        try (Connection c = EngineHarness.postgres().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select count(*) from information_schema.schemata where schema_name like 'crowdlens_run_%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void repeatedHourWhenClocksGoBackIsOneBucketAndTheSkippedHourHasNone(EngineKind engine) {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        TestDrops.write(drop, "manifest.json", """
                {"dropId": "dst", "periodFrom": "2026-03-29", "periodTo": "2026-10-25",
                 "timeZone": "Europe/Berlin", "optOutListVersion": "v1"}""");
        StringBuilder events = new StringBuilder("device_id,cell_id,ts\n");
        for (int i = 1; i <= 4; i++) {
            // 25 October: 02:30 CEST (00:30Z) and 02:30 CET (01:30Z) are both local 02:xx
            events.append("a").append(i).append(",c1,2026-10-25T00:30:00Z\n");
            events.append("b").append(i).append(",c1,2026-10-25T01:30:00Z\n");
            // 29 March: 01:59:59 CET is followed by 03:00 CEST (01:00Z)
            events.append("c").append(i).append(",c1,2026-03-29T00:59:59Z\n");
            events.append("e").append(i).append(",c1,2026-03-29T01:00:00Z\n");
        }
        TestDrops.write(drop, "events.csv", events.toString());

        List<PresenceCount> hours = EngineHarness.aggregate(engine, drop, temp.resolve("out")).presence().stream()
                .filter(c -> c.layerCode().equals(HandCountedDrop.DISTRICT) && !c.isDaily())
                .toList();

        assertThat(hours).containsExactlyInAnyOrder(
                HandCountedDrop.hourly("district", "N", java.time.LocalDate.of(2026, 10, 25), 2, 8),
                HandCountedDrop.hourly("district", "N", java.time.LocalDate.of(2026, 3, 29), 1, 4),
                HandCountedDrop.hourly("district", "N", java.time.LocalDate.of(2026, 3, 29), 3, 4));
    }
}
