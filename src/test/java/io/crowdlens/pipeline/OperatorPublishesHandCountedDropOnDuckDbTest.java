package io.crowdlens.pipeline;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.testing.OnH2;

@OnH2
class OperatorPublishesHandCountedDropOnDuckDbTest extends OperatorPublishesHandCountedDropContract {

    @Override
    EngineKind engine() {
        return EngineKind.DUCKDB;
    }
}
