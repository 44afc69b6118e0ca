package io.crowdlens.pipeline.visits;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.testing.OnPostgres;

/** The drop is processed in PostgreSQL (the serving database's server) and published to PostgreSQL. */
@OnPostgres
class OperatorPublishesVisitsToPostgresTest extends OperatorPublishesVisitsContract {

    @Override
    EngineKind engine() {
        return EngineKind.POSTGRES;
    }
}
