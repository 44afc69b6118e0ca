package io.crowdlens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.crowdlens.pipeline.demo.BadRowReason;
import io.crowdlens.pipeline.demo.DemoDropFormat;
import io.crowdlens.pipeline.demo.DemoDropSpec;
import io.crowdlens.pipeline.demo.DemoDropSummary;

/**
 * How fast the demo drop generator writes events. Regenerates the cached benchmark drop, so run
 * it before {@link BarePresenceBenchmark} (bench/run does).
 */
class GeneratorThroughputBenchmark {

    @Test
    void generatorWritesTenMillionCsvEventsInWellUnderAMinute() throws Exception {
        double seconds = measure(DemoDropFormat.CSV, "generator");
        assertThat(seconds).isLessThan(60);
    }

    /** Parquet is written as CSV first and converted by DuckDB, so this times both. */
    @Test
    void generatorWritesTenMillionParquetEvents() throws Exception {
        measure(DemoDropFormat.PARQUET, "generator-parquet");
    }

    private static double measure(DemoDropFormat format, String section) throws Exception {
        DemoDropSpec spec = BenchDrop.spec().withFormat(format);
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
                ## Demo drop generator, %s

                Measured %s with `bench/run` (`GeneratorThroughputBenchmark`).

                | | |
                |---|---|
                | spec | %,d devices, %d days from %s, seed %d, %s, bad-row share %s |
                | event rows written | %,d (%,d good, %,d bad) |
                | events files | %d |
                | wall time | %.1f s |
                | event rows per second | %,.0f |
                | CPU time | %.1f s (%,.0f event rows per CPU-second) |
                | peak RSS of the JVM | %,d MiB |
                | peak heap | %,d MiB |
                | load average at the end (1/5/15 min) | %s |

                Bad rows per reason: %s.

                Machine:

                %s
                """, format, started, spec.devices(), spec.days(), spec.firstDay(), spec.seed(), format,
                spec.badRowShare(),
                summary.eventRows(), summary.goodEvents(), summary.totalBadRows(),
                summary.rowsPerFile().keySet().stream().filter(f -> f.startsWith("events/")).count(),
                seconds, summary.eventRowsPerSecond(), cpuSeconds, summary.eventRows() / cpuSeconds,
                BenchMachine.peakRssMiB(), BenchMachine.peakHeapMiB(),
                BenchMachine.loadAverage(), badRows(summary), machine);
        System.out.println(report);
        BenchReport.replaceSection(section, report);

        assertThat(summary.eventRows()).isGreaterThanOrEqualTo(10_000_000);
        return seconds;
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
