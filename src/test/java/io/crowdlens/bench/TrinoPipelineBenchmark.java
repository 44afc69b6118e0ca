package io.crowdlens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.PipelineRunner;
import io.crowdlens.pipeline.PresenceOnlyPipeline;
import io.crowdlens.pipeline.RunOptions;
import io.crowdlens.pipeline.RunReport;
import io.crowdlens.pipeline.demo.DemoDropFiles;
import io.crowdlens.pipeline.demo.DemoDropFormat;
import io.crowdlens.pipeline.demo.DemoDropSpec;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.testing.TrinoCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The presence pipeline on the Trino test cluster (a coordinator and one worker on this machine) against
 * bare Trino computing the same four presence aggregates on the same Parquet events with the same
 * filtering, and both against DuckDB (the pipeline and {@link BarePresenceQuery}) on the same files:
 * the like-for-like method of {@link PipelineBenchmark}. Runs alternate in one JVM so that all four see
 * the same load. CPU time is the test JVM's plus, for Trino, the coordinator's and the worker's
 * processes (their whole CPU time, planning and background threads included).
 */
@SpringBootTest(properties = {"crowdlens.pipeline.output-directory=target/bench-runs",
        "crowdlens.pipeline.duckdb.memory-limit=${bench.duckdb.memoryLimit:2GB}",
        "crowdlens.pipeline.duckdb.threads=${bench.duckdb.threads:0}"})
@ActiveProfiles("test")
class TrinoPipelineBenchmark {

    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    @Autowired ApplicationContext context;
    /** Every product the drop carries: presence, visitors, commuting (with home/work inference). */
    @Autowired PipelineRunner pipeline;

    @DynamicPropertySource
    static void trino(DynamicPropertyRegistry registry) {
        TrinoCluster.register(registry);
    }

    /** One measured run: wall and CPU seconds. */
    private record Run(double seconds, double cpu) {
    }

    @Test
    void presencePipelineOnTrinoAgainstBareTrinoAndDuckDbOnTenMillionParquetEvents() throws Exception {
        DemoDropSpec spec = BenchDrop.spec().withFormat(DemoDropFormat.PARQUET);
        if (!BenchDrop.cached(spec)) {
            BenchDrop.regenerate(spec);
        }
        Path dir = BenchDrop.directory(spec);
        DemoDropFiles drop = new DemoDropFiles(dir);
        long eventRows = drop.json("manifest.json").get("expectedRows").get("events").asLong();
        BenchAreas areas = BenchAreas.of(drop);
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Files.createDirectories(Path.of("target", "bench-runs"));
        TrinoCluster cluster = TrinoCluster.shared();
        String tables = cluster.registerParquetEvents(dir.resolve("events"),
                "device_id varchar, cell_id varchar, ts bigint", dir.resolve("optouts.csv"));
        PipelineRunner presenceOnly = PresenceOnlyPipeline.from(context);
        int threads = Integer.getInteger("bench.duckdb.threads", Runtime.getRuntime().availableProcessors());

        List<Run> pipelineTrino = new ArrayList<>();
        List<Run> bareTrino = new ArrayList<>();
        List<Run> pipelineDuck = new ArrayList<>();
        List<Run> bareDuck = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        RunReport lastTrino = null;
        RunReport lastDuck = null;
        long bareTrinoRows = 0;
        long bareDuckRows = 0;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            double cpu = BenchMachine.processCpuSeconds() + cluster.cpuSeconds();
            lastTrino = presenceOnly.run(dir, RunOptions.defaults().withEngine(EngineKind.TRINO).withDropTables(tables));
            pipelineTrino.add(new Run((System.nanoTime() - start) / 1e9,
                    BenchMachine.processCpuSeconds() + cluster.cpuSeconds() - cpu));
            phases.add(String.format(Locale.ROOT, "%.1f / %.1f / %.1f", lastTrino.validateMillis() / 1000.0,
                    lastTrino.aggregateMillis() / 1000.0, lastTrino.publishMillis() / 1000.0));

            start = System.nanoTime();
            cpu = BenchMachine.processCpuSeconds() + cluster.cpuSeconds();
            bareTrinoRows = bareTrino(cluster, tables, areas.areasOfCell(), drop.zone(), drop.periodFrom(), drop.periodTo());
            bareTrino.add(new Run((System.nanoTime() - start) / 1e9,
                    BenchMachine.processCpuSeconds() + cluster.cpuSeconds() - cpu));

            start = System.nanoTime();
            cpu = BenchMachine.processCpuSeconds();
            lastDuck = presenceOnly.run(dir, RunOptions.defaults().withEngine(EngineKind.DUCKDB));
            pipelineDuck.add(new Run((System.nanoTime() - start) / 1e9, BenchMachine.processCpuSeconds() - cpu));

            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duckdb.createStatement()) {
                s.execute("SET threads = " + threads);
                s.execute("SET memory_limit = '" + System.getProperty("bench.duckdb.memoryLimit", "2GB") + "'");
                start = System.nanoTime();
                cpu = BenchMachine.processCpuSeconds();
                bareDuckRows = BarePresenceQuery.runAllLayers(duckdb, dir, DemoDropFormat.PARQUET, areas.areasOfCell(),
                        drop.zone(), drop.periodFrom(), drop.periodTo());
                bareDuck.add(new Run((System.nanoTime() - start) / 1e9, BenchMachine.processCpuSeconds() - cpu));
            }
        }
        long start = System.nanoTime();
        double cpu = BenchMachine.processCpuSeconds() + cluster.cpuSeconds();
        RunReport wholeTrino = pipeline.run(dir, RunOptions.defaults().withEngine(EngineKind.TRINO).withDropTables(tables));
        Run wholeOnTrino = new Run((System.nanoTime() - start) / 1e9,
                BenchMachine.processCpuSeconds() + cluster.cpuSeconds() - cpu);
        start = System.nanoTime();
        cpu = BenchMachine.processCpuSeconds();
        RunReport wholeDuck = pipeline.run(dir, RunOptions.defaults().withEngine(EngineKind.DUCKDB));
        Run wholeOnDuck = new Run((System.nanoTime() - start) / 1e9, BenchMachine.processCpuSeconds() - cpu);
        String products = wholeTrino.releases().stream().map(r -> r.dataset().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        long aggregateRows = presenceRows(lastTrino);
        long aggregateRowsDuck = presenceRows(lastDuck);
        String machine;
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            machine = BenchMachine.describe(duckdb);
        }
        Run pt = median(pipelineTrino);
        Run bt = median(bareTrino);
        Run pd = median(pipelineDuck);
        Run bd = median(bareDuck);
        String report = String.format(Locale.ROOT, """
                ## Trino: the pipeline against bare Trino, and Trino against DuckDB, on the PARQUET files

                Measured %s with `TrinoPipelineBenchmark` (`bench/run trino`): %d rounds, each of four runs
                in this order in one JVM: the presence pipeline on Trino (`--engine trino`; events and opt-outs
                as Parquet tables of the hive catalog, the events typed as the generator writes them: ts is
                BIGINT epoch milliseconds; scratch tables in the iceberg catalog), bare Trino computing the
                same four aggregates on the same tables with the same filtering (one statement, below), the
                presence pipeline on DuckDB, and bare DuckDB (`BarePresenceQuery.runAllLayers`), all on the
                same %,d events (`%s`). The Trino cluster is `TrinoCluster`: Trino 476, a coordinator (1 GB heap,
                schedules no tasks on itself) and one worker (%d MB heap) as separate processes on this
                machine, started in %.0f s. CPU time is the test JVM's plus, for Trino, the coordinator's and
                the worker's (whole processes, planning and background threads included).

                | | Trino | DuckDB |
                |---|---|---|
                | pipeline wall time per run | %s s | %s s |
                | pipeline CPU time per run | %s s | %s s |
                | phases (Trino): validate / aggregate / publish | %s s | |
                | bare engine wall time per run | %s s | %s s |
                | bare engine CPU time per run | %s s | %s s |
                | **pipeline events per CPU-second** (median) | **%,.0f** | **%,.0f** |
                | bare engine events per CPU-second (median) | %,.0f | %,.0f |
                | **ratio pipeline / bare engine, wall** (medians) | **%.2f** | %.2f |
                | **ratio pipeline / bare engine, CPU** (medians) | **%.2f** | %.2f |
                | **ratio Trino / DuckDB, pipeline wall / CPU** | **%.2f / %.2f** | |
                | **ratio Trino / DuckDB, bare engine wall / CPU** | **%.2f / %.2f** | |
                | aggregate rows: pipeline / bare engine | %,d / %,d | %,d / %,d |
                | whole pipeline, every product (%s): one run, wall / CPU | %.1f s / %.1f s | %.1f s / %.1f s |
                | whole pipeline events per CPU-second | %,.0f | %,.0f |
                | load average at the end (1/5/15 min) | %s | |

                The bare Trino statement (hourly and daily presence of every area in one pass, `GROUPING SETS`
                over the distinct (area, local hour, device) triples):

                ```sql
                %s
                ```

                Machine:

                %s
                """, started, RUNS, eventRows, dir, Integer.getInteger("crowdlens.trino.worker-heap-mb", 1536),
                cluster.startedIn().toMillis() / 1000.0,
                fmt(pipelineTrino, true), fmt(pipelineDuck, true), fmt(pipelineTrino, false), fmt(pipelineDuck, false),
                String.join("; ", phases), fmt(bareTrino, true), fmt(bareDuck, true), fmt(bareTrino, false),
                fmt(bareDuck, false), eventRows / pt.cpu(), eventRows / pd.cpu(), eventRows / bt.cpu(),
                eventRows / bd.cpu(), pt.seconds() / bt.seconds(), pd.seconds() / bd.seconds(), pt.cpu() / bt.cpu(),
                pd.cpu() / bd.cpu(), pt.seconds() / pd.seconds(), pt.cpu() / pd.cpu(), bt.seconds() / bd.seconds(),
                bt.cpu() / bd.cpu(), aggregateRows, bareTrinoRows, aggregateRowsDuck, bareDuckRows, products,
                wholeOnTrino.seconds(), wholeOnTrino.cpu(), wholeOnDuck.seconds(), wholeOnDuck.cpu(),
                eventRows / wholeOnTrino.cpu(), eventRows / wholeOnDuck.cpu(), BenchMachine.loadAverage(),
                bareSql("hive.drop_N", Map.of(), drop.zone(), drop.periodFrom(), drop.periodTo()).strip(),
                machine);
        System.out.println(report);
        BenchReport.replaceSection("trino-pipeline", report);

        assertThat(lastTrino.events().read()).isEqualTo(eventRows);
        assertThat(lastTrino.events()).isEqualTo(lastDuck.events());
        assertThat(bareTrinoRows).as("bare Trino computes as many aggregate rows as the pipeline").isEqualTo(aggregateRows);
        assertThat(aggregateRows).isPositive().isEqualTo(aggregateRowsDuck);
        assertThat(bareDuckRows).isEqualTo(aggregateRows);
        assertThat(wholeTrino.releases()).hasSizeGreaterThan(1);
        assertThat(wholeTrino.releases().stream().map(r -> r.aggregateRows()).toList())
                .isEqualTo(wholeDuck.releases().stream().map(r -> r.aggregateRows()).toList());
    }

    /** Bare Trino: the four presence aggregates of every area, fetched to the client; returns their number. */
    private static long bareTrino(TrinoCluster cluster, String tables, Map<String, List<Integer>> areaOfCell, ZoneId zone,
            LocalDate from, LocalDate to) throws SQLException {
        String schema = "memory.bare_" + System.nanoTime();
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
            try {
                s.execute("create table " + schema + ".cell_area (cell_id varchar, area_id integer)");
                List<String> rows = new ArrayList<>();
                areaOfCell.forEach((cell, ids) -> ids.forEach(id -> rows.add("('" + cell.replace("'", "''") + "', " + id + ")")));
                for (int i = 0; i < rows.size(); i += 5000) {
                    s.execute("insert into " + schema + ".cell_area values "
                            + String.join(", ", rows.subList(i, Math.min(rows.size(), i + 5000))));
                }
                long count = 0;
                try (ResultSet rs = s.executeQuery(bareSql(tables, Map.of("cell_area", schema + ".cell_area"), zone, from, to))) {
                    while (rs.next()) {
                        count++;
                    }
                }
                return count;
            } finally {
                s.execute("drop table if exists " + schema + ".cell_area");
                s.execute("drop schema " + schema);
            }
        }
    }

    static String bareSql(String tables, Map<String, String> names, ZoneId zone, LocalDate from, LocalDate to) {
        long fromMilli = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long toMilli = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return """
                with seen as (
                  select distinct a.area_id, (e.ts + %s) / 3600000 as local_hour, e.device_id
                  from %s.events e join %s a on a.cell_id = e.cell_id
                  where e.ts >= %d and e.ts < %d),
                kept as (
                  select area_id, local_hour / 24 as local_day, local_hour %% 24 as hour_of_day, device_id from seen
                  where trim(device_id) <> '' and device_id not in (select device_id from %s.optouts))
                select area_id, local_day, hour_of_day, count(distinct device_id) as devices
                from kept
                group by grouping sets ((area_id, local_day, hour_of_day), (area_id, local_day))
                """.formatted(BarePresenceQuery.offsetMillis("e.ts", zone, from, to), tables,
                names.getOrDefault("cell_area", "cell_area"), fromMilli, toMilli, tables);
    }

    private static long presenceRows(RunReport report) {
        return report.releases().stream().filter(r -> r.dataset() == Dataset.PRESENCE)
                .mapToLong(RunReport.PublishedRelease::aggregateRows).sum();
    }

    private static Run median(List<Run> runs) {
        List<Run> byTime = runs.stream().sorted((a, b) -> Double.compare(a.seconds(), b.seconds())).toList();
        List<Double> cpu = runs.stream().map(Run::cpu).sorted().toList();
        return new Run(byTime.get(runs.size() / 2).seconds(), cpu.get(runs.size() / 2));
    }

    private static String fmt(List<Run> runs, boolean wall) {
        return runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", wall ? r.seconds() : r.cpu()))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
