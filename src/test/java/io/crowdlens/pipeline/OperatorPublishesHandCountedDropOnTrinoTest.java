package io.crowdlens.pipeline;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.testing.OnH2;
import io.crowdlens.testing.TrinoCluster;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The drop's events and opt-outs are Parquet tables of the test cluster's hive catalog; the serving database stays H2. */
@OnH2
class OperatorPublishesHandCountedDropOnTrinoTest extends OperatorPublishesHandCountedDropContract {

    @DynamicPropertySource
    static void trino(DynamicPropertyRegistry registry) {
        TrinoCluster.register(registry);
    }

    @Override
    EngineKind engine() {
        return EngineKind.TRINO;
    }

    @Override
    RunReport run(Path drop, RunOptions options) {
        return pipeline.run(drop, options.withDropTables(TrinoCluster.shared().publishDrop(drop)));
    }
}
