package io.crowdlens.bench;

import static io.crowdlens.db.Tables.RELEASE_NOISE;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.pipeline.PipelineRunner;
import io.crowdlens.pipeline.PublishedFigures;
import io.crowdlens.pipeline.RunOptions;
import io.crowdlens.pipeline.RunReport;
import io.crowdlens.pipeline.demo.DemoDropGenerator;
import io.crowdlens.pipeline.demo.DemoDropSpec;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.privacy.PrivacySettings;
import io.crowdlens.privacy.noise.RandomSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Issue 13, item 7: what the default privacy treatment does to the figures. One seeded synthetic drop
 * is published three times through the whole pipeline: exact with bounds that never bind (the
 * truth), exact with the default contribution bounds (what the bounds alone change), and with the
 * default bounds and the default noise (what partners get). Per figure family: how much the bounds
 * take away, which share of the figures the truth puts at or above k is published, the median and
 * 95th-percentile relative error of published figures by size, and the false figures (published
 * although the truth is below k) and lost ones (hidden although the truth reaches k). Figures below
 * the hard floor of 10 are not stored by the exact runs; their truth is only known to be below k.
 */
@SpringBootTest(properties = "crowdlens.pipeline.output-directory=target/bench-runs")
@ActiveProfiles("test")
class PrivacyUtilityBenchmark {

    static final int K = 15;
    static final int DEVICES = Integer.getInteger("bench.utility.devices", 10_000);
    static final int DAYS = Integer.getInteger("bench.utility.days", 7);
    static final int[] SIZES = {K, 25, 50, 100, 250, Integer.MAX_VALUE};

    @Autowired PipelineRunner pipeline;
    @Autowired DSLContext db;
    @MockitoSpyBean PrivacySettings privacy;

    @Test
    void utilityOfTheDefaultNoiseAndBoundsOnTheSyntheticDrop() throws Exception {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path work = Files.createDirectories(Path.of("target", "bench-runs", "utility"));
        Path drop = work.resolve("drop-" + DEVICES + "-" + DAYS);
        if (!Files.exists(drop.resolve("manifest.json"))) {
            DemoDropGenerator.write(DemoDropSpec.of(DEVICES, DAYS, 42), drop);
        }
        RunOptions exact = RunOptions.defaults().withEngine(EngineKind.DUCKDB).withMinimumCrowd(10)
                .withoutNoise("the truth the noisy release is compared with");

        Mockito.doReturn(PrivacySettings.Bounds.unbinding()).when(privacy).bounds();
        RunReport unbound = pipeline.run(drop, exact.withOutputDirectory(work.resolve("unbound")));
        Mockito.reset(privacy);
        RunReport bounded = pipeline.run(drop, exact.withOutputDirectory(work.resolve("bounded")));
        RunReport noisy = pipeline.run(drop, RunOptions.defaults().withEngine(EngineKind.DUCKDB)
                .withOutputDirectory(work.resolve("noisy")).withRandom(RandomSource.seeded(20261204)));

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Run %s (load average %s, %d cores); synthetic drop of %,d devices over %d days (seed 42),"
                        + " DuckDB engine, k = %d, default bounds and noise (configured sigma %s; a run that would cost more than the ceiling raises every"
                        + " sigma, and the sigma column gives what the release recorded), noise seeded for the record."
                        + " Command: `./mvnw test -Dtest=PrivacyUtilityBenchmark` (`-Dbench.utility.devices=N`).%n%n",
                started, BenchMachine.loadAverage(), Runtime.getRuntime().availableProcessors(), DEVICES, DAYS, K, privacy.noise().sigma()));
        md.append("| family | sigma | grid cells | truth >= k | published of those | lost | false figures | left out by bounds"
                + " | rel. error median / p95 by true size: 15-24 | 25-49 | 50-99 | 100-249 | 250+ |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|---|\n");
        int families = 0;
        for (FigureFamily family : FigureFamily.values()) {
            long noisyRelease = noisy.release(family.dataset()).releaseId();
            Record noise = db.select(RELEASE_NOISE.GRID_CELLS, RELEASE_NOISE.SIGMA).from(RELEASE_NOISE)
                    .where(RELEASE_NOISE.RELEASE_ID.eq(noisyRelease)).and(RELEASE_NOISE.FIGURE_FAMILY.eq(family.name()))
                    .fetchOne();
            Map<String, Integer> published = PublishedFigures.of(db, family, noisyRelease);
            if (noise == null || published.isEmpty()) {
                continue;
            }
            Map<String, Integer> truth = PublishedFigures.of(db, family, bounded.release(family.dataset()).releaseId());
            Map<String, Integer> unboundTruth = PublishedFigures.of(db, family,
                    unbound.release(family.dataset()).releaseId());
            families++;
            md.append(row(family, noise.get(RELEASE_NOISE.SIGMA), noise.get(RELEASE_NOISE.GRID_CELLS), truth, unboundTruth,
                    published));
        }
        assertThat(families).as("families compared").isGreaterThanOrEqualTo(6);
        md.append("""

                Lost: the truth is at least k but the noisy figure fell below it (hidden). False figures: published \
                although the truth is below k (share of all published figures of the family). Left out by bounds: the \
                share of the unbounded exact figures' sum that the default contribution bounds remove (exact runs at \
                k = 10, so figures below 10 are not in either sum). Relative error: |published - truth| / truth over \
                figures whose truth is at least k and which are published.
                """);
        BenchReport.replaceSection("privacy-utility", "## Privacy: utility of the default noise and bounds\n\n" + md);
    }

    private static String row(FigureFamily family, java.math.BigDecimal sigma, long gridCells, Map<String, Integer> truth,
            Map<String, Integer> unboundTruth, Map<String, Integer> published) {
        int atK = 0;
        int shown = 0;
        int falseFigures = 0;
        List<List<Double>> errors = new ArrayList<>();
        for (int i = 0; i < SIZES.length - 1; i++) {
            errors.add(new ArrayList<>());
        }
        for (Map.Entry<String, Integer> t : truth.entrySet()) {
            if (t.getValue() < K) {
                continue;
            }
            atK++;
            Integer p = published.get(t.getKey());
            if (p == null) {
                continue;
            }
            shown++;
            int bucket = 0;
            while (t.getValue() >= SIZES[bucket + 1]) {
                bucket++;
            }
            errors.get(bucket).add(Math.abs(p - t.getValue()) / (double) t.getValue());
        }
        for (String key : published.keySet()) {
            Integer t = truth.get(key);
            if (t == null || t < K) {
                falseFigures++;
            }
        }
        long unboundSum = unboundTruth.values().stream().mapToLong(Integer::longValue).sum();
        long boundSum = truth.values().stream().mapToLong(Integer::longValue).sum();
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %s | %,d | %,d (%s) | %s |",
                family.name().toLowerCase(Locale.ROOT), sigma.stripTrailingZeros().toPlainString(), gridCells, atK, percent(shown, atK), atK - shown, falseFigures,
                percent(falseFigures, published.size()), percent(unboundSum - boundSum, unboundSum)));
        for (List<Double> bucket : errors) {
            row.append(bucket.isEmpty() ? " - |" : String.format(Locale.ROOT, " %s / %s (%,d) |",
                    percent(quantile(bucket, 0.5)), percent(quantile(bucket, 0.95)), bucket.size()));
        }
        return row.append('\n').toString();
    }

    private static double quantile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : percent(part / (double) whole);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
