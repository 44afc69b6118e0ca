package io.crowdlens.pipeline.visits;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.pipeline.ClassifiedDrop;
import io.crowdlens.pipeline.demo.DemoDropGenerator;
import io.crowdlens.pipeline.demo.DemoDropSpec;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.homework.HomeWorkSettings;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a small demo drop (a week with the end of summer time, bad rows, opt-outs, five shopping centres and
 * a clinic), DuckDB and PostgreSQL give the same visitors figures, row for row.
 */
class VisitsEnginesAgreeTest {

    @TempDir
    Path temp;

    @Test
    void duckDbPostgresAndTrinoAgreeRowForRowOnADemoDrop() {
        Path drop = temp.resolve("drop");
        DemoDropGenerator.write(DemoDropSpec.of(400, 7, 7), drop, (done, total, rows) -> { });

        VisitsCounts duck = count(EngineKind.DUCKDB, drop, temp.resolve("duck"));
        VisitsCounts postgres = count(EngineKind.POSTGRES, drop, temp.resolve("pg"));
        VisitsCounts trino = count(EngineKind.TRINO, drop, temp.resolve("trino"));

        assertThat(duck.visitors()).hasSizeGreaterThan(200);
        assertThat(duck.dwell()).isNotEmpty();
        assertThat(duck.loyalty()).isNotEmpty();
        assertThat(duck.catchment()).isNotEmpty();
        assertThat(sorted(postgres.visitors())).isEqualTo(sorted(duck.visitors()));
        assertThat(sorted(postgres.dwell())).isEqualTo(sorted(duck.dwell()));
        assertThat(sorted(postgres.loyalty())).isEqualTo(sorted(duck.loyalty()));
        assertThat(sorted(postgres.catchment())).isEqualTo(sorted(duck.catchment()));
        assertThat(sorted(trino.visitors())).isEqualTo(sorted(duck.visitors()));
        assertThat(sorted(trino.dwell())).isEqualTo(sorted(duck.dwell()));
        assertThat(sorted(trino.loyalty())).isEqualTo(sorted(duck.loyalty()));
        assertThat(sorted(trino.catchment())).isEqualTo(sorted(duck.catchment()));
    }

    private static VisitsCounts count(EngineKind engine, Path drop, Path output) {
        try (ClassifiedDrop classified = ClassifiedDrop.of(engine, drop, output)) {
            VisitsProduct product = new VisitsProduct(VisitsSettings.defaults(), HomeWorkSettings.defaults(),
                    new io.crowdlens.privacy.PrivacySettings(15));
            VisitsProduct.Plan plan = product.sitesAndTimes(classified.inputs()).orElseThrow();
            return product.count(classified.engine(), classified.inputs(), plan);
        }
    }

    private static <T> List<T> sorted(List<T> rows) {
        return rows.stream().sorted(Comparator.comparing(Object::toString)).toList();
    }
}
