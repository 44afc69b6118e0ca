package io.crowdlens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.pipeline.PipelineRunner;
import io.crowdlens.pipeline.RunOptions;
import io.crowdlens.pipeline.RunReport;
import io.crowdlens.pipeline.demo.DemoDropFiles;
import io.crowdlens.pipeline.demo.DemoDropFormat;
import io.crowdlens.pipeline.demo.DemoDropSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole pipeline (validate, quarantine, opt-outs, re-key, aggregate, protect, publish) on the
 * benchmark drop, against the bare DuckDB presence query on the same files. Runs alternate, pipeline
 * then bare, in the same JVM, so both see the same load on this shared machine; the ratio is of the
 * medians.
 */
@SpringBootTest(properties = "crowdlens.pipeline.output-directory=target/bench-runs")
@ActiveProfiles("test")
class PipelineBenchmark {

    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    @Autowired PipelineRunner pipeline;

    @Test
    void wholePipelineOnTenMillionCsvEventsAgainstTheBareEngine() throws Exception {
        measure(DemoDropFormat.CSV, "pipeline");
    }

    @Test
    void wholePipelineOnTenMillionParquetEventsAgainstTheBareEngine() throws Exception {
        measure(DemoDropFormat.PARQUET, "pipeline-parquet");
    }

    private void measure(DemoDropFormat format, String section) throws Exception {
        DemoDropSpec spec = BenchDrop.spec().withFormat(format);
        if (!BenchDrop.cached(spec)) {
            BenchDrop.regenerate(spec);
        }
        Path dir = BenchDrop.directory(spec);
        DemoDropFiles drop = new DemoDropFiles(dir);
        long eventRows = drop.json("manifest.json").get("expectedRows").get("events").asLong();
        Map<String, String> districtOfCell = drop.districtOfCell();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Files.createDirectories(Path.of("target", "bench-runs"));

        List<Double> pipelineSeconds = new ArrayList<>();
        List<Double> pipelineCpu = new ArrayList<>();
        List<Double> bareSeconds = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        RunReport last = null;
        String machine;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            double cpuStart = BenchMachine.processCpuSeconds();
            CpuTimeline timeline = new CpuTimeline();
            last = pipeline.run(dir, RunOptions.defaults().withProgress(timeline));
            timeline.mark("run finished");
            System.out.println("CPU timeline: " + timeline.intervals());
            pipelineSeconds.add((System.nanoTime() - start) / 1e9);
            pipelineCpu.add(BenchMachine.processCpuSeconds() - cpuStart);
            phases.add(String.format(Locale.ROOT, "%.1f / %.1f / %.1f", last.validateMillis() / 1000.0,
                    last.aggregateMillis() / 1000.0, last.publishMillis() / 1000.0));

            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                 Statement statement = duckdb.createStatement()) {
                statement.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
                long bareStart = System.nanoTime();
                BarePresenceQuery.run(duckdb, dir, format, districtOfCell, drop.zone(), drop.periodFrom(), drop.periodTo());
                bareSeconds.add((System.nanoTime() - bareStart) / 1e9);
            }
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            machine = BenchMachine.describe(duckdb);
        }
        double median = median(pipelineSeconds);
        double medianCpu = median(pipelineCpu);
        double bareMedian = median(bareSeconds);
        int cores = Runtime.getRuntime().availableProcessors();
        String report = String.format(Locale.ROOT, """
                ## Whole pipeline on the %s files, against the bare engine

                Measured %s with `bench/run` (`PipelineBenchmark`): `PipelineRunner.run` on the benchmark
                drop (validate and quarantine, opt-outs, re-keying, presence for every district and H3 cell
                by hour and by day, protection with k = %d, publish to an in-memory H2 serving database),
                alternating with the bare DuckDB presence query (`BarePresenceQuery`, districts by hour only)
                on the same files in the same JVM.

                | | |
                |---|---|
                | drop | `%s` (%,d devices, %d days) |
                | event rows read | %,d (accepted %,d, opted out %,d, rejected %,d) |
                | published figures | %,d of %,d aggregate rows |
                | pipeline wall time per run | %s s |
                | phases of each run: validate / aggregate / publish | %s s |
                | **pipeline events per second** (median run) | **%,.0f** (%,.0f per core over %d cores) |
                | pipeline events per CPU-second (median) | %,.0f |
                | bare engine wall time per run | %s s |
                | **ratio pipeline / bare** (medians) | **%.2f** |
                | peak RSS of the JVM (Spring, H2 and DuckDB included) | %,d MiB |
                | peak heap | %,d MiB |
                | load average at the end (1/5/15 min) | %s |

                Machine:

                %s
                """, format, started, last.minimumCrowd(), dir, spec.devices(), spec.days(), eventRows,
                last.events().accepted(), last.events().optedOut(), last.events().rejectedTotal(), last.publishedRows(),
                last.aggregateRows(), fmt(pipelineSeconds), String.join("; ", phases), eventRows / median,
                eventRows / median / cores, cores, eventRows / medianCpu, fmt(bareSeconds), median / bareMedian,
                BenchMachine.peakRssMiB(), BenchMachine.peakHeapMiB(), BenchMachine.loadAverage(), machine);
        System.out.println(report);
        BenchReport.replaceSection(section, report);

        assertThat(last.events().read()).isEqualTo(eventRows);
        assertThat(last.publishedRows()).isPositive();
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String fmt(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
    }
}
