package io.crowdlens.pipeline.visits;

import io.crowdlens.pipeline.drop.LocalTimeGrid;
import io.crowdlens.pipeline.homework.ApprovedSql;
import io.crowdlens.pipeline.visits.SiteCoverage.SiteCell;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pins the SQL the visitors queries render for each engine (default settings: 10 minutes minimum dwell,
 * 60 minutes gap tolerance), so a change of the queries or of jOOQ's rendering is seen in review. On a
 * difference the new rendering is written to target/approval/ (see ApprovedSql).
 */
class VisitsSqlIsApprovedTest {

    @ParameterizedTest
    @EnumSource(value = SQLDialect.class, names = {"DUCKDB", "POSTGRES", "TRINO"})
    void renderedSqlMatchesTheApprovedFile(SQLDialect dialect) {
        DSLContext dsl = DSL.using(dialect, new Settings().withRenderFormatted(true));
        VisitsSettings settings = VisitsSettings.defaults();
        // one day with the clocks going back: 25 local hours, the repeated one two real hours long
        LocalTimeGrid grid = LocalTimeGrid.of(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25),
                ZoneId.of("Europe/Berlin"));
        VisitsStaging staging = new VisitsStaging(dsl);
        VisitsAggregation visits = new VisitsAggregation(dsl, DwellBuckets.from(settings.minimumDwell()),
                LocalTimeGrid.longest(grid.hours()), io.crowdlens.privacy.PrivacySettings.Bounds.defaults());

        StringBuilder rendered = new StringBuilder();
        staging.siteCells(List.of(new SiteCell("S1", "c1"), new SiteCell("S1", "c2")))
                .forEach(q -> section(rendered, dsl, "stage site cells", q));
        staging.hourSlots(grid.hours().subList(0, 3)).forEach(q -> section(rendered, dsl, "stage hour slots", q));
        staging.daySlots(grid.days()).forEach(q -> section(rendered, dsl, "stage day slots", q));
        section(rendered, dsl, "stays", new StayDetection(dsl, settings.minimumDwell(), settings.gapTolerance())
                .createStays());
        section(rendered, dsl, "stay days", visits.stayDays());
        section(rendered, dsl, "hourly visitors", visits.hourly());
        section(rendered, dsl, "daily visitors", visits.daily());
        section(rendered, dsl, "visits by dwell", visits.dwell());
        section(rendered, dsl, "first-time and returning visitors", visits.firstTimeAndReturning());
        section(rendered, dsl, "catchment", visits.catchment());

        ApprovedSql.assertApproved("visits-" + dialect.name().toLowerCase(Locale.ROOT) + ".sql", rendered.toString());
    }

    private static void section(StringBuilder out, DSLContext dsl, String title, Query query) {
        out.append(ApprovedSql.section(dsl, title, query));
    }
}
