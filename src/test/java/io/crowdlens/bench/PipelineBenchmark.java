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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole pipeline (validate, quarantine, opt-outs, re-key, aggregate, protect, publish) on the
 * benchmark drop, against the bare DuckDB query computing the same four presence aggregates (every
 * district and H3 cell, by local hour and by local day) on the same files with the same filtering.
 * Runs alternate, pipeline then bare, in the same JVM, so both see the same load on this shared
 * machine; ratios are of the medians, of wall time and of CPU time.
 */
@SpringBootTest(properties = {"crowdlens.pipeline.output-directory=target/bench-runs",
        "crowdlens.pipeline.duckdb.memory-limit=${bench.duckdb.memoryLimit:2GB}",
        "crowdlens.pipeline.duckdb.threads=${bench.duckdb.threads:0}"})
@ActiveProfiles("test")
class PipelineBenchmark {

    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    /** Every product the drop carries: presence, visitors, commuting (with home/work inference). */
    @Autowired PipelineRunner pipeline;
    @Autowired ApplicationContext context;

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
        BenchAreas areas = BenchAreas.of(drop);
        int threads = Integer.getInteger("bench.duckdb.threads", Runtime.getRuntime().availableProcessors());
        String memoryLimit = System.getProperty("bench.duckdb.memoryLimit", "2GB");
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Files.createDirectories(Path.of("target", "bench-runs"));

        List<Double> pipelineSeconds = new ArrayList<>();
        List<Double> pipelineCpu = new ArrayList<>();
        List<Double> bareSeconds = new ArrayList<>();
        List<Double> bareCpu = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        List<CpuTimeline> timelines = new ArrayList<>();
        RunReport last = null;
        long bareRows = 0;
        PipelineRunner presenceOnly = PresenceOnlyPipeline.from(context);
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            double cpuStart = BenchMachine.processCpuSeconds();
            CpuTimeline timeline = new CpuTimeline();
            last = presenceOnly.run(dir, RunOptions.defaults().withProgress(timeline));
            timeline.mark("run finished");
            pipelineSeconds.add((System.nanoTime() - start) / 1e9);
            pipelineCpu.add(BenchMachine.processCpuSeconds() - cpuStart);
            timelines.add(timeline);
            phases.add(String.format(Locale.ROOT, "%.1f / %.1f / %.1f", last.validateMillis() / 1000.0,
                    last.aggregateMillis() / 1000.0, last.publishMillis() / 1000.0));
            System.out.println("CPU timeline: " + timeline.intervals());

            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                 Statement statement = duckdb.createStatement()) {
                statement.execute("SET threads = " + threads);
                statement.execute("SET memory_limit = '" + memoryLimit + "'");
                long bareStart = System.nanoTime();
                double bareCpuStart = BenchMachine.processCpuSeconds();
                bareRows = BarePresenceQuery.runAllLayers(duckdb, dir, format, areas.areasOfCell(), drop.zone(),
                        drop.periodFrom(), drop.periodTo());
                bareSeconds.add((System.nanoTime() - bareStart) / 1e9);
                bareCpu.add(BenchMachine.processCpuSeconds() - bareCpuStart);
            }
        }
        CpuTimeline wholeTimeline = new CpuTimeline();
        long wholeStart = System.nanoTime();
        double wholeCpuStart = BenchMachine.processCpuSeconds();
        RunReport whole = pipeline.run(dir, RunOptions.defaults().withProgress(wholeTimeline));
        wholeTimeline.mark("run finished");
        double wholeSeconds = (System.nanoTime() - wholeStart) / 1e9;
        double wholeCpu = BenchMachine.processCpuSeconds() - wholeCpuStart;
        String wholeProducts = whole.releases().stream().map(r -> r.dataset().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        long presenceAggregateRows = last.releases().stream().filter(r -> r.dataset() == Dataset.PRESENCE)
                .mapToLong(RunReport.PublishedRelease::aggregateRows).sum();
        String machine;
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            machine = BenchMachine.describe(duckdb);
        }
        int medianRun = medianIndex(pipelineSeconds);
        double median = pipelineSeconds.get(medianRun);
        double medianCpu = median(pipelineCpu);
        double bareMedian = median(bareSeconds);
        double bareMedianCpu = median(bareCpu);
        int cores = Runtime.getRuntime().availableProcessors();
        String report = String.format(Locale.ROOT, """
                ## Whole pipeline on the %s files, against the bare engine

                Measured %s with `bench/run` (`PipelineBenchmark`): the pipeline with the presence product
                alone (`PresenceOnlyPipeline`: validate and quarantine, opt-outs, re-keying, presence for every
                district and H3 cell by local hour and by local day, protection with k = %d, publish to an
                in-memory H2 serving database), alternating with the bare DuckDB query computing the same four aggregates on the
                same files with the same filtering (`BarePresenceQuery.runAllLayers`) in the same JVM, both
                with DuckDB threads %d and memory limit %s. Then one run of the whole pipeline as an operator
                runs it, every product the drop carries (%s).

                | | |
                |---|---|
                | drop | `%s` (%,d devices, %d days) |
                | event rows read | %,d (accepted %,d, opted out %,d, rejected %,d) |
                | aggregate rows (pipeline / bare engine) | %,d / %,d; %,d published at k = %d |
                | pipeline wall time per run | %s s |
                | phases of each run: validate / aggregate / publish | %s s |
                | pipeline CPU time per run (all threads) | %s s |
                | **pipeline events per CPU-second** (median CPU time) | **%,.0f** |
                | pipeline events per second (median run) | %,.0f (%,.0f per core over %d cores) |
                | bare engine wall time per run | %s s |
                | bare engine CPU time per run | %s s (%,.0f events per CPU-second) |
                | **ratio pipeline / bare, wall time** (medians) | **%.2f** |
                | **ratio pipeline / bare, CPU time** (medians) | **%.2f** |
                | whole pipeline, every product: one run | %.2f s wall, %.1f CPU-s: %,.0f events/s, %,.0f events per CPU-second |
                | peak RSS of the JVM (Spring, H2 and DuckDB included) | %,d MiB |
                | peak heap | %,d MiB |
                | load average at the end (1/5/15 min) | %s |

                CPU time of the median presence run, step by step (process CPU, DuckDB's threads included;
                the interval between two marks, wall time in brackets):

                %s

                The same for the run of the whole pipeline:

                %s

                Machine:

                %s
                """, format, started, last.minimumCrowd(), threads, memoryLimit, wholeProducts, dir, spec.devices(), spec.days(),
                eventRows, last.events().accepted(), last.events().optedOut(), last.events().rejectedTotal(),
                presenceAggregateRows, bareRows, last.publishedRows(), last.minimumCrowd(), fmt(pipelineSeconds),
                String.join("; ", phases), fmt(pipelineCpu), eventRows / medianCpu, eventRows / median,
                eventRows / median / cores, cores, fmt(bareSeconds), fmt(bareCpu), eventRows / bareMedianCpu,
                median / bareMedian, medianCpu / bareMedianCpu, wholeSeconds, wholeCpu, eventRows / wholeSeconds,
                eventRows / wholeCpu, BenchMachine.peakRssMiB(), BenchMachine.peakHeapMiB(), BenchMachine.loadAverage(),
                timelines.get(medianRun).markdownList(), wholeTimeline.markdownList(), machine);
        System.out.println(report);
        BenchReport.replaceSection(section, report);

        assertThat(last.events().read()).isEqualTo(eventRows);
        assertThat(last.publishedRows()).isPositive();
        assertThat(bareRows).as("the bare engine computes as many aggregate rows as the pipeline")
                .isEqualTo(presenceAggregateRows);
        assertThat(whole.releases()).hasSizeGreaterThan(1);
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static int medianIndex(List<Double> values) {
        return values.indexOf(median(values));
    }

    private static String fmt(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
    }
}
