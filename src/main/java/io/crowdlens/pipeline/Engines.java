package io.crowdlens.pipeline;

import io.crowdlens.pipeline.engine.DropTables;
import io.crowdlens.pipeline.engine.DuckDbEngine;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.engine.PipelineEngine;
import io.crowdlens.pipeline.engine.PostgresEngine;
import io.crowdlens.pipeline.engine.ProgressListener;
import io.crowdlens.pipeline.scratch.RunFolderRetention;
import io.crowdlens.pipeline.scratch.ScratchSpace;
import java.util.Optional;
import io.crowdlens.pipeline.engine.TrinoConnection;
import io.crowdlens.pipeline.engine.TrinoEngine;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/** Opens the engine a run asked for. */
@Component
class Engines {

    private final PipelineSettings settings;
    private final ScratchSpace scratchSpace;
    private final DataSource servingDataSource;
    private final DSLContext serving;

    Engines(PipelineSettings settings, DataSource servingDataSource, DSLContext serving) {
        this.settings = settings;
        this.scratchSpace = new ScratchSpace(settings.scratchDirectory());
        this.servingDataSource = servingDataSource;
        this.serving = serving;
    }

    /**
     * The engine for one run. DuckDB's scratch (its spill files, which hold the drop's rows verbatim) is a
     * locked folder of the scratch space, deleted when the engine closes or, if the process dies first,
     * by the next start's {@link #sweepScratch()}.
     *
     * @param dropTables for trino: the run's catalog.schema of drop tables, or null for the configured one
     */
    PipelineEngine open(EngineKind kind, ProgressListener progress, String dropTables) {
        return switch (kind) {
            case DUCKDB -> {
                ScratchSpace.RunScratch scratch = scratchSpace.open();
                try {
                    yield new DuckDbEngine(scratch.folder(), progress, settings.duckdb().memoryLimit(),
                            settings.duckdb().threads(), scratch::close);
                } catch (RuntimeException e) {
                    scratch.close();
                    throw e;
                }
            }
            case POSTGRES -> new PostgresEngine(postgres(), progress);
            case TRINO -> new TrinoEngine(trino(), dropTables(dropTables), progress);
        };
    }

    /**
     * Removes what runs that are no longer alive left behind: DuckDB scratch folders, and PostgreSQL
     * run schemas where a PostgreSQL holds drops. Called at every run and at every start.
     */
    void sweepScratch() {
        scratchSpace.sweep();
        new RunFolderRetention(settings.outputDirectory(), settings.retention().quarantine(),
                settings.retention().failedRuns()).sweep(java.time.Instant.now());
        postgresIfAny().ifPresent(PostgresEngine::sweepDeadRunSchemas);
    }

    /** Every start of the portal or of a command sweeps before anything else runs (the demo publisher is @Order(1)). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void sweepScratchAtStart() {
        try {
            sweepScratch();
        } catch (RuntimeException e) {
            // a database that is not there yet must not stop the portal; the next run sweeps again
            org.slf4j.LoggerFactory.getLogger(Engines.class).warn("Could not sweep scratch of dead runs: {}", e.getMessage());
        }
    }

    private Optional<DataSource> postgresIfAny() {
        PipelineSettings.Postgres config = settings.postgres();
        if (config != null && config.url() != null && !config.url().isBlank()) {
            return Optional.of(new DriverManagerDataSource(config.url(), config.username(), config.password()));
        }
        return serving.dialect().family() == SQLDialect.POSTGRES ? Optional.of(servingDataSource) : Optional.empty();
    }

    private TrinoConnection trino() {
        PipelineSettings.Trino config = settings.trino();
        if (config == null || config.url().isBlank()) {
            throw new RunFailedException("the trino engine needs crowdlens.pipeline.trino.url (jdbc:trino://host:port)");
        }
        return new TrinoConnection(config.url(), config.user(), config.password(), config.scratchCatalog(),
                config.scratchLocation(), config.keyCatalog());
    }

    private DropTables dropTables(String named) {
        String text = named != null && !named.isBlank() ? named
                : settings.trino() == null ? "" : settings.trino().dropTables();
        if (text.isBlank()) {
            throw new RunFailedException("the trino engine reads the drop's events and opt-outs from tables: name their"
                    + " catalog.schema with --drop-tables (or crowdlens.pipeline.trino.drop-tables)");
        }
        return DropTables.parse(text);
    }

    private DataSource postgres() {
        PipelineSettings.Postgres config = settings.postgres();
        if (config != null && config.url() != null && !config.url().isBlank()) {
            return new DriverManagerDataSource(config.url(), config.username(), config.password());
        }
        if (serving.dialect().family() == SQLDialect.POSTGRES) {
            return servingDataSource;
        }
        throw new RunFailedException("the postgres engine needs crowdlens.pipeline.postgres.url "
                + "(or a serving database on PostgreSQL)");
    }
}
