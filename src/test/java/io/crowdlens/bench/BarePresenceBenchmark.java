package io.crowdlens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crowdlens.pipeline.demo.DemoDropFiles;
import io.crowdlens.pipeline.demo.DemoDropFormat;
import io.crowdlens.pipeline.demo.DemoDropSpec;

/**
 * The bare engine: DuckDB computing presence by hand on the benchmark drop's CSV files. The
 * whole pipeline is to be compared with this figure (target: within 1.5x).
 */
class BarePresenceBenchmark {

    private static final int RUNS = 3;

    @Test
    void bareDuckDbComputesHourlyPresenceOnTenMillionCsvEvents() throws Exception {
        measure(DemoDropFormat.CSV, "bare-presence");
    }

    @Test
    void bareDuckDbComputesHourlyPresenceOnTenMillionParquetEvents() throws Exception {
        measure(DemoDropFormat.PARQUET, "bare-presence-parquet");
    }

    private static void measure(DemoDropFormat format, String section) throws Exception {
        DemoDropSpec spec = BenchDrop.spec().withFormat(format);
        boolean generatedHere = !BenchDrop.cached(spec);
        if (generatedHere) {
            BenchDrop.regenerate(spec);
        }
        Path dir = BenchDrop.directory(spec);
        DemoDropFiles drop = new DemoDropFiles(dir);
        long eventRows = drop.json("manifest.json").get("expectedRows").get("events").asLong();
        int threads = Integer.getInteger("bench.duckdb.threads", Runtime.getRuntime().availableProcessors());
        String memoryLimit = System.getProperty("bench.duckdb.memoryLimit", "2GB");
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        long mappingStart = System.nanoTime();
        Map<String, String> districtOfCell = drop.districtOfCell();
        double mappingMillis = (System.nanoTime() - mappingStart) / 1e6;

        List<Double> seconds = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        long districtHours = 0;
        long deviceHours;
        String machine;
        String settings;
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            machine = BenchMachine.describe(duckdb);
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("SET threads = " + threads);
                statement.execute("SET memory_limit = '" + memoryLimit + "'");
                settings = "threads " + setting(statement, "threads") + ", memory_limit " + setting(statement, "memory_limit");
            }
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                double cpuStart = BenchMachine.processCpuSeconds();
                districtHours = BarePresenceQuery.run(duckdb, dir, format, districtOfCell, drop.zone(), drop.periodFrom(),
                        drop.periodTo());
                seconds.add((System.nanoTime() - start) / 1e9);
                cpuSeconds.add(BenchMachine.processCpuSeconds() - cpuStart);
            }
            try (Statement statement = duckdb.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT sum(devices) FROM presence")) {
                rows.next();
                deviceHours = rows.getLong(1);
            }
        }
        double median = seconds.stream().sorted().toList().get(RUNS / 2);
        double best = seconds.stream().min(Double::compare).orElseThrow();
        double medianCpu = cpuSeconds.stream().sorted().toList().get(RUNS / 2);
        String report = String.format(Locale.ROOT, """
                ## Bare engine: presence in DuckDB on the %s files

                Measured %s with `bench/run` (`BarePresenceBenchmark`). The query
                (`src/test/java/io/crowdlens/bench/BarePresenceQuery.java`, checked against a plain Java
                computation by `BarePresenceQueryTest`) reads `events/*.%s` directly, drops the rows the
                pipeline must quarantine and the opted-out devices, maps cells to districts through a table
                computed in Java (point in polygon, %.0f ms for %d cells), and counts distinct devices per
                district per hour of %s.

                The machine is shared, so wall time depends on what else runs; CPU time (of the whole
                process, DuckDB's threads included) is the better measure of cost per core.

                | | |
                |---|---|
                | drop | `%s` (%,d devices, %d days, seed %d)%s |
                | event rows read | %,d |
                | result | %,d district-hours, %,d device-hours |
                | DuckDB settings | %s |
                | wall time per run | %s s |
                | median run | %.2f s |
                | **events per second** (median run) | **%,.0f** |
                | events per second per thread (median run / %d) | %,.0f |
                | best run | %.2f s, %,.0f events/s |
                | CPU time per run (all threads) | %s s |
                | **events per CPU-second** (median CPU time) | **%,.0f** |
                | peak RSS of the JVM (DuckDB included) | %,d MiB |
                | peak heap | %,d MiB |
                | load average at the end (1/5/15 min) | %s |

                Machine:

                %s
                """, format, started, format.name().toLowerCase(Locale.ROOT), mappingMillis, districtOfCell.size(), drop.zone(), dir, spec.devices(), spec.days(),
                spec.seed(), generatedHere ? ", generated by this run" : "", eventRows, districtHours, deviceHours,
                settings, seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList(), median,
                eventRows / median, threads, eventRows / median / threads, best, eventRows / best,
                cpuSeconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList(), eventRows / medianCpu,
                BenchMachine.peakRssMiB(), BenchMachine.peakHeapMiB(), BenchMachine.loadAverage(), machine);
        System.out.println(report);
        BenchReport.replaceSection(section, report);

        assertThat(eventRows).isGreaterThanOrEqualTo(10_000_000);
        long hoursInPeriod = java.time.Duration.between(drop.periodFrom().atStartOfDay(drop.zone()),
                drop.periodTo().plusDays(1).atStartOfDay(drop.zone())).toHours();
        assertThat(districtHours).as("every district is populated in every real hour")
                .isEqualTo(drop.districts().size() * hoursInPeriod);
    }

    private static String setting(Statement statement, String name) throws java.sql.SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT current_setting('" + name + "')")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
