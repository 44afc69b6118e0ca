package io.crowdlens.pipeline;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.testing.EmbeddedPostgres;
import io.crowdlens.testing.OnH2;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Berlin extract loaded into a PostgreSQL 18 (embedded); the serving database stays H2. */
@OnH2
class BerlinExtractOnPostgresEngineTest extends BerlinExtractContract {

    @DynamicPropertySource
    static void dropsInPostgres(DynamicPropertyRegistry registry) {
        registry.add("crowdlens.pipeline.postgres.url", () -> EmbeddedPostgres.createDatabase("berlin_extract_drops"));
        registry.add("crowdlens.pipeline.postgres.username", () -> "postgres");
        registry.add("crowdlens.pipeline.postgres.password", () -> "postgres");
    }

    @Override
    EngineKind engine() {
        return EngineKind.POSTGRES;
    }
}
