package io.crowdlens.pipeline.commuting;

import io.crowdlens.pipeline.homework.ApprovedSql;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pins the commuting SQL rendered for each engine (Trino rendered, not executed: no Trino here). */
class CommutingSqlIsApprovedTest {

    @ParameterizedTest
    @EnumSource(value = SQLDialect.class, names = {"DUCKDB", "POSTGRES", "TRINO"})
    void renderedSqlMatchesTheApprovedFile(SQLDialect dialect) {
        DSLContext dsl = DSL.using(dialect, new Settings().withRenderFormatted(true).withRenderSchema(false));
        CommutingQueries queries = new CommutingQueries(dsl);

        String rendered = ApprovedSql.section(dsl, "commuter pairs", queries.commuterPairs())
                + ApprovedSql.section(dsl, "weekday departures", queries.departures("district",
                        List.of(LocalDate.of(2026, 10, 23), LocalDate.of(2026, 10, 26))))
                + ApprovedSql.section(dsl, "create corridor_cell", queries.createCorridorCells())
                + ApprovedSql.section(dsl, "corridor passes", queries.corridorPasses(3, Duration.ofMinutes(60), 4));

        ApprovedSql.assertApproved("commuting-" + dialect.name().toLowerCase(Locale.ROOT) + ".sql", rendered);
    }
}
