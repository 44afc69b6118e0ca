package io.crowdlens.pipeline;

import io.crowdlens.pipeline.engine.DropTables;
import io.crowdlens.pipeline.engine.DuckDbEngine;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.engine.PipelineEngine;
import io.crowdlens.pipeline.engine.PostgresEngine;
import io.crowdlens.pipeline.engine.ProgressListener;
import io.crowdlens.pipeline.engine.TrinoConnection;
import io.crowdlens.pipeline.engine.TrinoEngine;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/** Opens the engine a run asked for. */
@Component
class Engines {

    private final PipelineSettings settings;
    private final DataSource servingDataSource;
    private final DSLContext serving;

    Engines(PipelineSettings settings, DataSource servingDataSource, DSLContext serving) {
        this.settings = settings;
        this.servingDataSource = servingDataSource;
        this.serving = serving;
    }

    /** @param dropTables for trino: the run's catalog.schema of drop tables, or null for the configured one */
    PipelineEngine open(EngineKind kind, Path scratch, ProgressListener progress, String dropTables) {
        return switch (kind) {
            case DUCKDB -> new DuckDbEngine(scratch, progress, settings.duckdb().memoryLimit(), settings.duckdb().threads());
            case POSTGRES -> new PostgresEngine(postgres(), progress);
            case TRINO -> new TrinoEngine(trino(), dropTables(dropTables), progress);
        };
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
