package io.crowdlens.pipeline;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.testing.EmbeddedPostgres;
import io.crowdlens.testing.OnH2;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@OnH2
class OperatorIsToldWhatIsWrongWithADropOnPostgresEngineTest extends OperatorIsToldWhatIsWrongWithADropContract {

    @DynamicPropertySource
    static void dropsInPostgres(DynamicPropertyRegistry registry) {
        registry.add("crowdlens.pipeline.postgres.url", () -> EmbeddedPostgres.createDatabase("bad_drops"));
        registry.add("crowdlens.pipeline.postgres.username", () -> "postgres");
        registry.add("crowdlens.pipeline.postgres.password", () -> "postgres");
    }

    @Override
    EngineKind engine() {
        return EngineKind.POSTGRES;
    }
}
