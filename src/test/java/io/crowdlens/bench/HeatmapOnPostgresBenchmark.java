package io.crowdlens.bench;

import io.crowdlens.testing.OnPostgres;
import org.springframework.test.context.TestPropertySource;

@OnPostgres
@TestPropertySource(properties = "crowdlens.test.isolated-context=heatmap-bench-postgres")
class HeatmapOnPostgresBenchmark extends HeatmapBenchmarkContract {

    @Override
    String engine() {
        return "PostgreSQL 18 (embedded zonky binaries, same machine)";
    }

    @Override
    String section() {
        return "heatmap-postgres";
    }
}
