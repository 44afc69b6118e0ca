package io.crowdlens.pipeline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.testing.OnH2;
import io.crowdlens.testing.TrinoCluster;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On Trino the drop is first written as Parquet by the engine-neutral first pass (LakeExport), which
 * finds the malformed lines; the run quarantines them from the lake and judges every other reason in SQL.
 */
@OnH2
class OperatorIsToldWhatIsWrongWithADropOnTrinoTest extends OperatorIsToldWhatIsWrongWithADropContract {

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

    /** A CSV without ts never reaches the lake; a lake table without ts fails the run, naming it. */
    @Test
    @Override
    void missingEventColumnFailsTheRunNamingIt() {
        TestDrops.write(drop, "events.csv", "device_id,cell_id,when\nd01,c1,2026-03-02T08:15:00Z\n");
        assertThatThrownBy(() -> TrinoCluster.shared().publishDrop(drop)).isInstanceOf(DropException.class)
                .hasMessage("events.csv line 1: header lacks the column ts");

        String good = TrinoCluster.shared().publishDrop(TestDrops.copy(HandCountedDrop.NAME, temp.resolve("good")));
        String withoutTs = "hive.no_ts_" + System.nanoTime();
        TrinoCluster.shared().execute(List.of("create schema " + withoutTs,
                "create table " + withoutTs + ".events as select device_id, cell_id, source_file from " + good + ".events",
                "create table " + withoutTs + ".optouts as select * from " + good + ".optouts"));

        assertThatThrownBy(() -> pipeline.run(drop, strict().withDropTables(withoutTs)))
                .isInstanceOf(RunFailedException.class)
                .hasMessage(withoutTs + ".events lacks the column ts (it has device_id, cell_id, source_file)");
    }
}
