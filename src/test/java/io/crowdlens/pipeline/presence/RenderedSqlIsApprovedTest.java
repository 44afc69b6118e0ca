package io.crowdlens.pipeline.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.pipeline.drop.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pins the SQL that the one query definition renders for each engine, so that a change of the queries
 * or of jOOQ's rendering is seen in review. On a difference the new rendering is written to
 * target/approval/ for comparison; copy it over the approved file once it is right.
 */
class RenderedSqlIsApprovedTest {

    /** The period spans the end of summer time, so the approved SQL shows how a clock change is rendered. */
    static final Manifest MANIFEST = new Manifest("approval", LocalDate.of(2026, 10, 19), LocalDate.of(2026, 11, 1),
            ZoneId.of("Europe/Berlin"), "v1", 8, java.util.Map.of());
    static final String RUN_KEY = "secret-run-key-never-rendered";

    @ParameterizedTest
    @EnumSource(value = SQLDialect.class, names = {"DUCKDB", "POSTGRES", "TRINO"})
    void renderedSqlMatchesTheApprovedFile(SQLDialect dialect) throws IOException {
        DSLContext dsl = DSL.using(dialect, new Settings().withRenderFormatted(true));
        EventClassification classification = new EventClassification(dsl);
        PresenceAggregation presence = new PresenceAggregation(dsl, 16, 6);

        String rendered = section(dsl, "create classified_event", classification.createTable())
                + section(dsl, "classify events", classification.classify(MANIFEST, DSL.val(RUN_KEY)))
                + section(dsl, "find duplicate events", classification.findDuplicates())
                + section(dsl, "count duplicated events", classification.duplicatedEvents())
                + section(dsl, "quarantine duplicates", classification.quarantineDuplicates(MANIFEST, DSL.val(RUN_KEY)))
                + section(dsl, "delete duplicated copies", classification.deleteDuplicatedCopies())
                + section(dsl, "keep one of each duplicate", classification.keepOneOfEachDuplicate())
                + section(dsl, "status counts", classification.statusCounts())
                + section(dsl, "rejected rows", classification.rejectedRows())
                + section(dsl, "devices seen per area and hour", presence.seen())
                + section(dsl, "hourly presence", presence.hourly())
                + section(dsl, "daily presence", presence.daily());

        assertThat(rendered).as("the run key is a bind value, never part of the SQL text").doesNotContain(RUN_KEY);
        String name = "presence-" + dialect.name().toLowerCase(Locale.ROOT) + ".sql";
        Path approved = Path.of("src/test/resources/approved", name);
        String expected = Files.exists(approved) ? Files.readString(approved, StandardCharsets.UTF_8) : "";
        if (!rendered.equals(expected)) {
            Path received = Files.createDirectories(Path.of("target/approval")).resolve(name);
            Files.writeString(received, rendered, StandardCharsets.UTF_8);
        }
        assertThat(rendered).as("SQL rendered for %s differs from %s (new rendering in target/approval/%s)",
                dialect, approved, name).isEqualTo(expected);
    }

    private static String section(DSLContext dsl, String title, Query query) {
        return "-- " + title + "\n" + dsl.render(query) + ";\n\n";
    }
}
