package io.crowdlens.pipeline;

import io.crowdlens.pipeline.drop.DropLimits;
import io.crowdlens.pipeline.geography.GeographyLimits;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the pipeline runs in this deployment (crowdlens.pipeline.*).
 *
 * @param engine duckdb (default) or postgres
 * @param maxRejectRate share of rejected rows above which a run fails, e.g. 0.01 for 1 %
 * @param keepReleases how many releases of a dataset the serving database keeps (the newest is served)
 * @param outputDirectory where each run writes its quarantine files and, while running, its scratch space
 * @param postgres the PostgreSQL that holds drops for the postgres engine (empty url: the serving
 *     database, when it is PostgreSQL)
 * @param duckdb the embedded engine's memory limit and threads
 * @param geography what a drop's areas may look like (docs/decisions/021-geometry-with-jts.md)
 * @param retention how long what holds device ids is kept in the output directory
 * @param limits bounds on every input dimension of a drop (docs/pipeline.md, "Bounds")
 * @param scratchDirectory where runs keep per-device scratch files (DuckDB's spill files), one locked
 *     folder per run; folders of runs that are no longer alive are removed at the next start
 * @param trino the Trino cluster for the trino engine (docs/pipeline.md)
 */
@ConfigurationProperties("crowdlens.pipeline")
public record PipelineSettings(
        @DefaultValue("duckdb") String engine,
        @DefaultValue("0.01") double maxRejectRate,
        @DefaultValue("5") int keepReleases,
        @DefaultValue("./data/pipeline-runs") Path outputDirectory,
        @DefaultValue Postgres postgres,
        @DefaultValue Duckdb duckdb,
        @DefaultValue Geography geography,
        @DefaultValue("./data/pipeline-scratch") Path scratchDirectory,
        @DefaultValue Limits limits,
        @DefaultValue Retention retention,
        @DefaultValue Trino trino) {

    public PipelineSettings {
        if (maxRejectRate < 0 || maxRejectRate > 1) {
            throw new IllegalArgumentException("crowdlens.pipeline.max-reject-rate must be between 0 and 1, was " + maxRejectRate);
        }
        if (keepReleases < 1) {
            throw new IllegalArgumentException("crowdlens.pipeline.keep-releases must be at least 1, was " + keepReleases);
        }
    }

    /**
     * @param memoryLimit DuckDB's memory_limit, e.g. 2GB
     * @param threads DuckDB's worker threads, 0 for one per core
     */
    public record Duckdb(@DefaultValue("2GB") String memoryLimit, @DefaultValue("0") int threads) {
    }

    /** @param maxOverlapSquareMetres areas of one layer may overlap (pairwise) by at most this much */
    public record Geography(@DefaultValue("1000") double maxOverlapSquareMetres) {

        public GeographyLimits limits() {
            return new GeographyLimits(maxOverlapSquareMetres);
        }
    }

    /**
     * @param quarantine quarantine files (rejected rows as written, device ids included) of a run
     * @param failedRuns the whole folder of a failed run
     */
    public record Retention(@DefaultValue("7d") Duration quarantine, @DefaultValue("7d") Duration failedRuns) {
    }

    /** crowdlens.pipeline.limits.*: see {@link DropLimits} for each. */
    public record Limits(
            @DefaultValue("50GB") DataSize maxEventFileSize,
            @DefaultValue("64MB") DataSize maxReferenceFileSize,
            @DefaultValue("1MB") DataSize maxManifestSize,
            @DefaultValue("64KB") DataSize maxLineLength,
            @DefaultValue("100000") int maxAreas,
            @DefaultValue("200000") int maxVerticesPerArea,
            @DefaultValue("2000") int displayVertices,
            @DefaultValue("366") int maxPeriodDays,
            @DefaultValue("false") boolean allowLinksOutOfDrop) {

        public DropLimits drop() {
            return new DropLimits(maxEventFileSize.toBytes(), maxReferenceFileSize.toBytes(), maxManifestSize.toBytes(),
                    (int) Math.min(Integer.MAX_VALUE, maxLineLength.toBytes()), maxAreas, maxVerticesPerArea,
                    displayVertices, maxPeriodDays, allowLinksOutOfDrop);
        }
    }

    /**
     * @param url the coordinator, e.g. jdbc:trino://trino.example:8443?SSL=true; empty: no trino engine
     * @param scratchCatalog where each run makes its private schema (Iceberg)
     * @param scratchLocation parent location of the run schemas, for catalogs without a default; empty otherwise
     * @param keyCatalog the memory catalog that holds the run key in the workers' memory
     * @param dropTables catalog.schema of the drop's tables when a run does not name them
     */
    public record Trino(@DefaultValue("") String url, @DefaultValue("crowdlens") String user,
            @DefaultValue("") String password, @DefaultValue("iceberg") String scratchCatalog,
            @DefaultValue("") String scratchLocation, @DefaultValue("memory") String keyCatalog,
            @DefaultValue("") String dropTables) {

        @Override
        public String toString() {
            return "Trino[" + url + ", user " + user + ", scratch " + scratchCatalog + "]";
        }
    }

    public record Postgres(String url, @DefaultValue("") String username, @DefaultValue("") String password) {
    }
}
