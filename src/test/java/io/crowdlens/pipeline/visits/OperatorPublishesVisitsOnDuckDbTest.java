package io.crowdlens.pipeline.visits;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.testing.OnH2;

@OnH2
class OperatorPublishesVisitsOnDuckDbTest extends OperatorPublishesVisitsContract {

    @Override
    EngineKind engine() {
        return EngineKind.DUCKDB;
    }
}
