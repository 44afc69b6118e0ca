package io.crowdlens.pipeline;

import io.crowdlens.pipeline.engine.DuckDbEngine;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.engine.PipelineEngine;
import io.crowdlens.pipeline.engine.PostgresEngine;
import io.crowdlens.pipeline.engine.ProgressListener;
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

    PipelineEngine open(EngineKind kind, Path scratch, ProgressListener progress) {
        return switch (kind) {
            case DUCKDB -> new DuckDbEngine(scratch, progress, settings.duckdb().memoryLimit(), settings.duckdb().threads());
            case POSTGRES -> new PostgresEngine(postgres(), progress);
        };
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
