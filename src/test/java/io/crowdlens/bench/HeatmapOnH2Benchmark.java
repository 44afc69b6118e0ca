package io.crowdlens.bench;

import io.crowdlens.testing.OnH2;
import org.springframework.test.context.TestPropertySource;

@OnH2
@TestPropertySource(properties = "crowdlens.test.isolated-context=heatmap-bench-h2")
class HeatmapOnH2Benchmark extends HeatmapBenchmarkContract {

    @Override
    String engine() {
        return "H2 (embedded, in-memory)";
    }

    @Override
    String section() {
        return "heatmap-h2";
    }
}
