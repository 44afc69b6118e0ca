package io.crowdlens.pipeline;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.testing.OnH2;

@OnH2
class BerlinExtractOnDuckDbTest extends BerlinExtractContract {

    @Override
    EngineKind engine() {
        return EngineKind.DUCKDB;
    }
}
