package io.crowdlens.pipeline.visits;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.testing.OnH2;
import org.springframework.test.context.TestPropertySource;

@OnH2
@TestPropertySource(properties = "crowdlens.test.isolated-context=visits-publishing-h2")
class OperatorPublishesVisitsOnDuckDbTest extends OperatorPublishesVisitsContract {

    @Override
    EngineKind engine() {
        return EngineKind.DUCKDB;
    }
}
