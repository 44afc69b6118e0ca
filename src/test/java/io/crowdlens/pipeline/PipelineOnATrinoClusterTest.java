package io.crowdlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.drop.DropFiles;
import io.crowdlens.pipeline.drop.ManifestReader;
import io.crowdlens.pipeline.engine.DropTables;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.engine.ProgressListener;
import io.crowdlens.pipeline.engine.TrinoEngine;
import io.crowdlens.pipeline.geography.AreaReader;
import io.crowdlens.pipeline.geography.Geography;
import io.crowdlens.pipeline.presence.PresenceProduct;
import io.crowdlens.testing.TrinoCluster;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is particular to running on a Trino cluster: the work happens on the worker (the coordinator
 * only plans), the run key never shows in Trino's query history, and a run that fails halfway leaves
 * no scratch schema behind.
 */
class PipelineOnATrinoClusterTest {

    @TempDir
    Path temp;

    @Test
    void classificationAndAggregationRunAsTasksOnTheWorkerNotOnTheCoordinator() throws SQLException {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        TrinoCluster cluster = TrinoCluster.shared();
        String since = now(cluster);

        try (ClassifiedDrop classified = ClassifiedDrop.of(EngineKind.TRINO, drop, temp.resolve("out"))) {
            assertThat(PresenceProduct.count(classified.engine(), io.crowdlens.privacy.PrivacySettings.Bounds.defaults(),
                    ProgressListener.SILENT))
                    .containsExactlyInAnyOrderElementsOf(HandCountedDrop.ALL);
        }

        record Task(String node, String stage, String query, long rawInputRows) {
        }
        List<Task> tasks = new ArrayList<>();
        try (Connection c = cluster.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select t.node_id, t.stage_id, q.query, t.raw_input_rows"
                     + " from system.runtime.tasks t join system.runtime.queries q on q.query_id = t.query_id"
                     + " where to_unixtime(q.created) >= " + since + " and q.state = 'FINISHED'"
                     + " and (q.query like 'insert into \"classified_event\"%' or q.query like 'create table \"presence_seen\"%'"
                     + " or q.query like 'select%from \"presence_seen\"%')")) {
            while (rs.next()) {
                tasks.add(new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
        }
        List<Task> onWorker = tasks.stream().filter(t -> t.node().equals(TrinoCluster.WORKER)).toList();
        List<Task> onCoordinator = tasks.stream().filter(t -> t.node().equals(TrinoCluster.COORDINATOR)).toList();
        assertThat(tasks).allMatch(t -> t.node().equals(TrinoCluster.WORKER) || t.node().equals(TrinoCluster.COORDINATOR));
        assertThat(onWorker).as("tasks on the worker").hasSizeGreaterThanOrEqualTo(4);
        assertThat(onWorker.stream().mapToLong(Task::rawInputRows).sum()).as("rows the worker's tasks read")
                .isGreaterThanOrEqualTo(HandCountedDrop.EVENTS);
        // a write ends in a commit stage (stage 0: the writers' fragments, a few rows) that Trino keeps on the coordinator
        assertThat(onCoordinator).as("coordinator tasks: only the commit stage of a write")
                .allMatch(t -> t.stage().endsWith(".0") && !t.query().startsWith("select"));
    }

    @Test
    void theRunKeyIsMadeInTrinoAndNoQueryInItsHistoryShowsIt() throws SQLException {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        TrinoCluster cluster = TrinoCluster.shared();

        try (ClassifiedDrop classified = ClassifiedDrop.of(EngineKind.TRINO, drop, temp.resolve("out"));
             Connection c = cluster.connect(); Statement s = c.createStatement()) {
            String schema = ((TrinoEngine) classified.engine()).schema();
            String key;
            try (ResultSet rs = s.executeQuery("select secret from memory." + schema + ".run_key")) {
                assertThat(rs.next()).isTrue();
                key = rs.getString(1);
            }
            List<String> history = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select query from system.runtime.queries")) {
                while (rs.next()) {
                    history.add(rs.getString(1));
                }
            }

            assertThat(key).matches("[0-9A-F]{64}");
            assertThat(history).anyMatch(q -> q.startsWith("insert into \"classified_event\"") && q.contains("run_key"));
            assertThat(history).noneMatch(q -> q.contains(key) || q.toUpperCase().contains(key));
        }
    }

    /**
     * Events tables with typed timestamps, as a lake holds them: epoch milliseconds as BIGINT, and a
     * Hive TIMESTAMP holding UTC (Hive has no type with a zone); both give the hand-counted figures.
     */
    @Test
    void typedTimestampsInTheEventsTableGiveTheHandCountedFigures() {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        TrinoCluster cluster = TrinoCluster.shared();
        String text = cluster.publishDrop(drop);
        String instant = "case when regexp_like(ts, '^[0-9]+$') then from_unixtime(cast(ts as bigint) / 1000)"
                + " else from_iso8601_timestamp(ts) end";
        for (String typed : List.of("cast(to_unixtime(" + instant + ") * 1000 as bigint)",
                "cast(" + instant + " at time zone 'UTC' as timestamp(3))")) {
            String tables = "hive.typed_" + System.nanoTime();
            cluster.execute(List.of("create schema " + tables,
                    "create table " + tables + ".events as select device_id, cell_id, " + typed + " as ts from " + text + ".events",
                    "create table " + tables + ".optouts as select * from " + text + ".optouts"));

            EngineHarness.Result result;
            try (TrinoEngine engine = new TrinoEngine(cluster.settings(), DropTables.parse(tables), ProgressListener.SILENT)) {
                result = EngineHarness.aggregate(engine, drop, temp.resolve("out-" + tables));
            }

            assertThat(result.events().accepted()).as(typed).isEqualTo(HandCountedDrop.EVENTS);
            assertThat(result.presence()).as(typed).containsExactlyInAnyOrderElementsOf(HandCountedDrop.ALL);
        }
    }

    /** Epoch milliseconds and ISO-8601 with milliseconds name the same instant on Trino as on DuckDB. */
    @Test
    void millisecondsInEpochTextAndIsoTextAreTheSameInstantOnTrinoAsOnDuckDb() {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        // d01's first event (08:15 CET) once more at .123 s in both notations, and once at .999 s
        TestDrops.append(drop, "events.csv", "d01,c1,2026-03-02T07:15:00.123Z\nd01,c1,1772435700123\n"
                + "d01,c1,1772435700999\n");

        EngineHarness.Result duck = EngineHarness.aggregate(EngineKind.DUCKDB, drop, temp.resolve("duck"));
        EngineHarness.Result trino = EngineHarness.aggregate(EngineKind.TRINO, drop, temp.resolve("trino"));

        assertThat(duck.events().rejected()).containsExactly(java.util.Map.entry(io.crowdlens.pipeline.drop.RejectReason.DUPLICATE, 1L));
        assertThat(trino.events()).isEqualTo(duck.events());
        assertThat(trino.presence()).containsExactlyInAnyOrderElementsOf(duck.presence());
    }

    @Test
    void aRunThatFailsAfterItsSchemasAreMadeDropsThem() {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        TrinoCluster cluster = TrinoCluster.shared();
        String good = cluster.publishDrop(drop);
        String withoutOptOuts = "hive.no_optouts_" + System.nanoTime();
        cluster.execute(List.of("create schema " + withoutOptOuts,
                "create table " + withoutOptOuts + ".events as select * from " + good + ".events"));

        assertThatThrownBy(() -> {
            try (TrinoEngine engine = new TrinoEngine(cluster.settings(), DropTables.parse(withoutOptOuts),
                    ProgressListener.SILENT)) {
                assertThat(runSchemas(cluster)).as("while running").isEqualTo(2);
                new DropProcessing(engine, ManifestReader.read(drop.resolve("manifest.json")))
                        .stage(DropFiles.in(drop), List.of(), geography(drop));
            }
        }).isInstanceOf(DropException.class).hasMessage("the drop's table " + withoutOptOuts + ".optouts does not exist");

        assertThat(runSchemas(cluster)).as("after the failed run").isZero();
    }

    private static Geography geography(Path drop) {
        return Geography.of(AreaReader.read(drop.resolve("areas.geojson")), List.of(), 8);
    }

    private static long runSchemas(TrinoCluster cluster) {
        return cluster.count("select count(*) from iceberg.information_schema.schemata where schema_name like 'crowdlens_run_%'")
                + cluster.count("select count(*) from memory.information_schema.schemata where schema_name like 'crowdlens_run_%'");
    }

    private static String now(TrinoCluster cluster) throws SQLException {
        try (Connection c = cluster.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select format('%.3f', to_unixtime(current_timestamp))")) {
            rs.next();
            String now = rs.getString(1);
            while (rs.next()) {
                // read to the end, so the query is not reported as cancelled
            }
            return now;
        }
    }
}
