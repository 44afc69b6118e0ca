package io.crowdlens.pipeline.visits;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.testing.OnPostgres;
import org.springframework.test.context.TestPropertySource;

/** The drop is processed in PostgreSQL (the serving database's server) and published to PostgreSQL. */
@OnPostgres
@TestPropertySource(properties = "crowdlens.test.isolated-context=visits-publishing-postgres")
class OperatorPublishesVisitsToPostgresTest extends OperatorPublishesVisitsContract {

    @Override
    EngineKind engine() {
        return EngineKind.POSTGRES;
    }
}
