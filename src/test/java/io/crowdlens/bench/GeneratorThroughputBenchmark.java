package io.crowdlens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.crowdlens.pipeline.demo.BadRowReason;
import io.crowdlens.pipeline.demo.DemoDropSpec;
import io.crowdlens.pipeline.demo.DemoDropSummary;

/**
 * How fast the demo drop generator writes events. Regenerates the cached benchmark drop, so run
 * it before {@link BarePresenceBenchmark} (bench/run does).
 */
class GeneratorThroughputBenchmark {

    @Test
    void generatorWritesTenMillionEventsInWellUnderAMinute() throws Exception {
        DemoDropSpec spec = BenchDrop.spec();
        String machine;
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            machine = BenchMachine.describe(duckdb);
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        double cpuStart = BenchMachine.processCpuSeconds();
        DemoDropSummary summary = BenchDrop.regenerate(spec);
        double cpuSeconds = BenchMachine.processCpuSeconds() - cpuStart;

        double seconds = summary.duration().toMillis() / 1000.0;
        String report = String.format(Locale.ROOT, """
                ## Demo drop generator

                Measured %s UTC with `bench/run` (`GeneratorThroughputBenchmark`).

                | | |
                |---|---|
                | spec | %,d devices, %d days from %s, seed %d, CSV, bad-row share %s |
                | event rows written | %,d (%,d good, %,d bad) |
                | events files | %d |
                | wall time | %.1f s |
                | event rows per second | %,.0f (one thread) |
                | CPU time | %.1f s (%,.0f event rows per CPU-second) |
                | peak RSS of the JVM | %,d MiB |
                | peak heap | %,d MiB |
                | load average at the end (1/5/15 min) | %s |

                Bad rows per reason: %s.

                Machine:

                %s
                """, started, spec.devices(), spec.days(), spec.firstDay(), spec.seed(), spec.badRowShare(),
                summary.eventRows(), summary.goodEvents(), summary.totalBadRows(),
                summary.rowsPerFile().keySet().stream().filter(f -> f.startsWith("events/")).count(),
                seconds, summary.eventRowsPerSecond(), cpuSeconds, summary.eventRows() / cpuSeconds,
                BenchMachine.peakRssMiB(), BenchMachine.peakHeapMiB(),
                BenchMachine.loadAverage(), badRows(summary), machine);
        System.out.println(report);
        BenchReport.replaceSection("generator", report);

        assertThat(summary.eventRows()).isGreaterThanOrEqualTo(10_000_000);
        assertThat(seconds).isLessThan(60);
    }

    private static String badRows(DemoDropSummary summary) {
        StringBuilder text = new StringBuilder();
        for (BadRowReason reason : BadRowReason.values()) {
            text.append(text.isEmpty() ? "" : ", ").append(reason.code()).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", summary.badRows().get(reason)));
        }
        return text.toString();
    }
}
