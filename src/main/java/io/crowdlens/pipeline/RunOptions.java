package io.crowdlens.pipeline;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.engine.ProgressListener;
import io.crowdlens.privacy.noise.RandomSource;
import java.nio.file.Path;

/**
 * Choices for one run; null means "the deployment's setting".
 *
 * @param minimumCrowd k for this release (never below the hard floor of 10)
 * @param rounding 1 for exact counts, 5 to round published counts to the nearest 5
 * @param outputDirectory where quarantine files go; null for a new folder under the configured one
 * @param withoutNoiseReason non-null: publish exact figures for this stated reason (tests that compare with
 *     hand counts; a deployment turns noise off only with crowdlens.privacy.noise.*)
 * @param random the noise's random source; null for the cryptographically secure one (tests seed their own)
 * @param dropTables for the trino engine: the catalog.schema holding the drop's events and opt-outs tables
 */
public record RunOptions(EngineKind engine, Integer minimumCrowd, int rounding, Double maxRejectRate,
        Path outputDirectory, ProgressListener progress, String withoutNoiseReason, RandomSource random,
        String dropTables) {

    public static RunOptions defaults() {
        return new RunOptions(null, null, 1, null, null, ProgressListener.SILENT, null, null, null);
    }

    public RunOptions withEngine(EngineKind newEngine) {
        return new RunOptions(newEngine, minimumCrowd, rounding, maxRejectRate, outputDirectory, progress,
                withoutNoiseReason, random, dropTables);
    }

    public RunOptions withMinimumCrowd(int k) {
        return new RunOptions(engine, k, rounding, maxRejectRate, outputDirectory, progress, withoutNoiseReason, random,
                dropTables);
    }

    public RunOptions withRounding(int base) {
        return new RunOptions(engine, minimumCrowd, base, maxRejectRate, outputDirectory, progress, withoutNoiseReason,
                random, dropTables);
    }

    public RunOptions withMaxRejectRate(double rate) {
        return new RunOptions(engine, minimumCrowd, rounding, rate, outputDirectory, progress, withoutNoiseReason,
                random, dropTables);
    }

    public RunOptions withOutputDirectory(Path directory) {
        return new RunOptions(engine, minimumCrowd, rounding, maxRejectRate, directory, progress, withoutNoiseReason,
                random, dropTables);
    }

    public RunOptions withProgress(ProgressListener listener) {
        return new RunOptions(engine, minimumCrowd, rounding, maxRejectRate, outputDirectory, listener,
                withoutNoiseReason, random, dropTables);
    }

    /** Exact figures, for the stated reason (recorded with the release and said wherever its figures show). */
    public RunOptions withoutNoise(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("publishing exact figures needs a stated reason");
        }
        return new RunOptions(engine, minimumCrowd, rounding, maxRejectRate, outputDirectory, progress, reason, random,
                dropTables);
    }

    public RunOptions withRandom(RandomSource source) {
        return new RunOptions(engine, minimumCrowd, rounding, maxRejectRate, outputDirectory, progress,
                withoutNoiseReason, source, dropTables);
    }

    public RunOptions withDropTables(String catalogAndSchema) {
        return new RunOptions(engine, minimumCrowd, rounding, maxRejectRate, outputDirectory, progress,
                withoutNoiseReason, random, catalogAndSchema);
    }
}
