package io.crowdlens.pipeline.homework;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pins the home/work SQL rendered for each engine (Trino rendered, not executed: no Trino here). */
class HomeWorkSqlIsApprovedTest {

    @ParameterizedTest
    @EnumSource(value = SQLDialect.class, names = {"DUCKDB", "POSTGRES", "TRINO"})
    void renderedSqlMatchesTheApprovedFile(SQLDialect dialect) {
        DSLContext dsl = DSL.using(dialect, new Settings().withRenderFormatted(true).withRenderSchema(false));
        HomeWorkInference inference = new HomeWorkInference(dsl, HomeWorkSettings.defaults());
        List<LocalDate> weekdays = List.of(LocalDate.of(2026, 10, 23), LocalDate.of(2026, 10, 26));

        String rendered = ApprovedSql.section(dsl, "does device_home_work exist", inference.tableExists())
                + ApprovedSql.section(dsl, "create device_home_work", inference.createTable("district", weekdays));

        ApprovedSql.assertApproved("home-work-" + dialect.name().toLowerCase(Locale.ROOT) + ".sql", rendered);
    }
}
