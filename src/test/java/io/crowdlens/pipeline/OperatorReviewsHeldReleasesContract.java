package io.crowdlens.pipeline;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.RELEASE_DAY_INPUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.publish.ReleaseApproval;
import io.crowdlens.pipeline.publish.ReleaseWithdrawal;
import io.crowdlens.release.ReleaseCatalogue;
import io.crowdlens.release.ReleaseSummary;
import io.crowdlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 16: no release is served by accident. A drop too small to pass k, or one without figures for a
 * product, publishes nothing for it and the served release stays; a run whose quality checks fail is held
 * for review with its reasons and report, the served release stays until a data operator approves it,
 * and withdrawing the approved one brings the previous one back. Real drops through the real pipeline,
 * on each serving database (subclasses), with the production default of which warnings hold a run.
 */
@TestPropertySource(properties = "crowdlens.pipeline.quality.hold-on=UNPLACED_EVENTS,DAY_DROP")
abstract class OperatorReviewsHeldReleasesContract {

    @Autowired PipelineRunner pipeline;
    @Autowired ReleaseCatalogue catalogue;
    @Autowired ReleaseApproval approval;
    @Autowired ReleaseWithdrawal withdrawal;
    @Autowired DSLContext db;
    @Autowired io.crowdlens.pipeline.cli.CommandLine commandLine;
    @Autowired SecurityContextHolderStrategy securityContext;

    @TempDir
    Path temp;

    /** One opt-out list per test, so that no other test's list makes these releases stale. */
    final String optOutList = "held-" + UUID.randomUUID();

    @BeforeEach
    void asDataOperator() {
        securityContext.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("dora", null,
                List.of(new SimpleGrantedAuthority("ROLE_DATA_OPERATOR"))));
    }

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    Path drop(String name) {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve(name));
        String manifest = TestDrops.read(drop.resolve("manifest.json"));
        TestDrops.write(drop, "manifest.json", manifest
                .replaceAll("\"optOutListVersion\": \"[^\"]*\"", "\"optOutListVersion\": \"" + optOutList + "\"")
                .replaceAll("\"dropId\": \"[^\"]*\"", "\"dropId\": \"" + name + "\""));
        return drop;
    }

    RunReport run(Path drop) {
        return pipeline.run(drop, RunOptions.defaults().withoutNoise("exact figures to compare with hand counts")
                .withEngine(EngineKind.DUCKDB).withMinimumCrowd(10)
                .withOutputDirectory(temp.resolve("run-" + UUID.randomUUID())));
    }

    /** The hand-counted drop, served (approved should it be held against another test's days). */
    long served() {
        RunReport report = run(drop("baseline-" + UUID.randomUUID()));
        if (report.held()) {
            approval.approve(report.releaseId(), "dora");
        }
        assertThat(servedPresence()).isEqualTo(report.releaseId());
        return report.releaseId();
    }

    long servedPresence() {
        return catalogue.current(Dataset.PRESENCE).map(ReleaseSummary::id).orElseThrow();
    }

    String status(long release) {
        return db.select(DATA_RELEASE.STATUS).from(DATA_RELEASE).where(DATA_RELEASE.ID.eq(release))
                .fetchSingle(DATA_RELEASE.STATUS);
    }

    @Test
    void aDropTooSmallToPassKAnywherePublishesNothingAndTheServedReleaseStays() {
        long served = served();
        int releases = db.fetchCount(DATA_RELEASE);
        Path tiny = drop("tiny");
        TestDrops.write(tiny, "events.csv", """
                device_id,cell_id,ts
                d01,c1,2026-03-02T08:15:00+01:00
                d02,c1,2026-03-02T08:20:00+01:00
                d03,c3,2026-03-03T12:00:00+01:00
                """);

        RunReport report = run(tiny);

        assertThat(report.releases()).isEmpty();
        assertThat(report.summary()).startsWith("Published nothing from drop tiny");
        assertThat(db.fetchCount(DATA_RELEASE)).isEqualTo(releases);
        assertThat(servedPresence()).isEqualTo(served);
        assertThat(report.quality().text()).contains("Presence: 0 of " + HandCountedDrop.PRESENCE_GRID
                + " figures published (0.0 %)");
    }

    @Test
    void aProductTheDropDoesNotCarryLeavesItsServedReleaseAlone() {
        long commuting = new Fixtures(db).publishedRelease(Dataset.COMMUTING, HandCountedDrop.MAR_2,
                HandCountedDrop.MAR_3, 10);

        RunReport report = run(drop("no-commuters"));

        assertThat(report.releases()).extracting(RunReport.PublishedRelease::dataset).containsExactly(Dataset.PRESENCE);
        assertThat(report.warnings()).anyMatch(w -> w.startsWith("Commuters: no figure of its grid reaches k = 10")
                && w.endsWith("so no commuters release is published and the served one stays"));
        assertThat(status(commuting)).isEqualTo("PUBLISHED");
        assertThat(db.fetchCount(DATA_RELEASE, DATA_RELEASE.DATASET.eq("COMMUTING")
                .and(DATA_RELEASE.PUBLISHED_AT.gt(db.select(DATA_RELEASE.PUBLISHED_AT).from(DATA_RELEASE)
                        .where(DATA_RELEASE.ID.eq(commuting)).fetchSingle(DATA_RELEASE.PUBLISHED_AT))))).isZero();
    }

    @Test
    void eventsOnCellsOutsideEveryAreaHoldTheRunUntilAnOperatorApprovesAndWithdrawingBringsThePreviousBack() {
        long previous = served();
        Path shoreline = drop("shoreline");
        // c3, with 29 of the 45 events, moved just south of district S: in no area of the layer
        TestDrops.write(shoreline, "cells.csv", TestDrops.read(shoreline.resolve("cells.csv"))
                .replace("c3,52.490,13.400", "c3,52.470,13.400"));

        RunReport report = run(shoreline);

        assertThat(report.held()).isTrue();
        long held = report.releaseId();
        assertThat(status(held)).isEqualTo("AWAITING_REVIEW");
        assertThat(servedPresence()).as("the previous release stays served").isEqualTo(previous);
        assertThat(catalogue.awaitingReview()).extracting(ReleaseSummary::id).contains(held);
        String reasons = db.select(DATA_RELEASE.HELD_REASONS).from(DATA_RELEASE).where(DATA_RELEASE.ID.eq(held))
                .fetchSingle(DATA_RELEASE.HELD_REASONS);
        assertThat(reasons).startsWith("UNPLACED_EVENTS: layer district: 66.7 % of accepted events (30 of 45) are on"
                + " cells in no area").contains("worst cell c3");
        assertThat(report.quality().text())
                .contains("layer district: events in no area 30 of 45 (66.7 %); cells in no area 2 of 4 (50.0 %)")
                .contains("worst cells in no area: c3 (52.47000, 13.40000) 29 events, c4 (52.60000, 13.60000) 1 events")
                .contains("=> held for review");
        assertThat(report.summary()).startsWith("HELD FOR REVIEW, not served");

        var outcome = approval.approve(held, "dora");

        assertThat(outcome.served()).contains(held);
        assertThat(servedPresence()).isEqualTo(held);
        assertThat(status(previous)).isEqualTo("SUPERSEDED");
        assertThat(db.select(DATA_RELEASE.APPROVED_BY).from(DATA_RELEASE).where(DATA_RELEASE.ID.eq(held))
                .fetchSingle(DATA_RELEASE.APPROVED_BY)).isEqualTo("dora");
        assertThat(db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTION.eq(AuditAction.RELEASE_PUBLISHED.name())).and(AUDIT_EVENT.ACTOR.eq("dora"))
                .fetch(AUDIT_EVENT.DETAIL)).anyMatch(d -> d.startsWith("held releases " + held) && d.contains("approved"));
        assertThatThrownBy(() -> approval.approve(held, "dora")).hasMessageContaining("not awaiting review");

        withdrawal.withdraw(held, "dora", "approved by mistake: the shoreline cells belong to the city");

        assertThat(servedPresence()).as("withdrawing brings the previous release back").isEqualTo(previous);
    }

    @Test
    void theCommandLineShowsWhyARunIsHeldAndApprovesIt() {
        long previous = served();
        Path shoreline = drop("shoreline-cli");
        TestDrops.write(shoreline, "cells.csv", TestDrops.read(shoreline.resolve("cells.csv"))
                .replace("c3,52.490,13.400", "c3,52.470,13.400"));
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        var print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        var printErr = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);

        RunReport report = run(shoreline);

        // what `pipeline run` prints and run-report.txt keeps
        assertThat(report.fullReport()).startsWith("HELD FOR REVIEW, not served (UNPLACED_EVENTS: layer district")
                .contains("approve with: releases approve --id " + report.releaseId() + " --by NAME")
                .contains("Data quality").contains("worst cells in no area: c3");
        long held = report.releaseId();
        assertThat(servedPresence()).isEqualTo(previous);
        out.reset();
        assertThat(commandLine.execute(new String[] {"releases", "report", "--id", String.valueOf(held)}, print,
                printErr)).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("Release " + held + " (PRESENCE): AWAITING_REVIEW").contains("Held because:");
        out.reset();
        assertThat(commandLine.execute(new String[] {"releases", "approve", "--id", String.valueOf(held), "--by",
                "dora"}, print, printErr)).as(err.toString()).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("Approved: the portal now serves release " + held);
        assertThat(servedPresence()).isEqualTo(held);
    }

    @Test
    void aDayThatHalvesAgainstTheServedReleaseHoldsTheRun() {
        long previous = served();
        Path missingDay = drop("missing-tuesday");
        TestDrops.write(missingDay, "events.csv", TestDrops.read(missingDay.resolve("events.csv")).lines()
                // Tuesday's 19 local events: 9 on Tuesday, 10 at 23:30 UTC on Monday (00:30 in Berlin)
                .filter(line -> !line.contains("2026-03-03") && !line.contains("2026-03-02T23:30:00Z")).collect(Collectors.joining("\n", "", "\n")));

        RunReport report = run(missingDay);

        assertThat(report.held()).isTrue();
        assertThat(report.quality().holdReasons()).isEqualTo("DAY_DROP: 2026-03-03 has 0 accepted events, below 50.0 %"
                + " of the 19 of its usual day in the served release " + previous + " (a file or a feed missing?)");
        assertThat(report.quality().text()).contains("2026-03-03 Tue: 0 events, 0 devices (usual 19)  << below 50.0 %");
        assertThat(servedPresence()).isEqualTo(previous);
        assertThat(status(report.releaseId())).isEqualTo("AWAITING_REVIEW");
    }

    @Test
    void everyRunKeepsItsQualityReportAndDaysWithItsReleases() {
        RunReport report = run(drop("report"));

        String text = report.quality().text();
        assertThat(text)
                .contains("events: 45 read, 45 accepted, 0 opted out, 0 rejected")
                .contains("events.csv: 45 read, 45 accepted or opted out, 0 rejected")
                .contains("cells: 4 read, 4 accepted, 0 rejected")
                .contains("layer district: events in no area 1 of 45 (2.2 %); cells in no area 1 of 4 (25.0 %);"
                        + " areas with no cell 0 of 2")
                .contains("worst cells in no area: c4 (52.60000, 13.60000) 1 events")
                .contains("2026-03-02 Mon: 26 events, 13 devices")
                .contains("2026-03-03 Tue: 19 events, 10 devices")
                .contains("Presence: ")
                .contains("k = 10")
                .contains("Privacy: published WITHOUT noise");
        assertThat(db.select(DATA_RELEASE.QUALITY_REPORT).from(DATA_RELEASE)
                .where(DATA_RELEASE.ID.eq(report.releaseId())).fetchSingle(DATA_RELEASE.QUALITY_REPORT)).isEqualTo(text);
        assertThat(db.select(RELEASE_DAY_INPUT.EVENTS).from(RELEASE_DAY_INPUT)
                .where(RELEASE_DAY_INPUT.RELEASE_ID.eq(report.releaseId())).orderBy(RELEASE_DAY_INPUT.LOCAL_DAY)
                .fetch(RELEASE_DAY_INPUT.EVENTS)).containsExactly(26L, 19L);
        assertThat(TestDrops.read(report.outputDirectory().resolve("run-report.txt"))).contains("Data quality")
                .contains(text);
    }
}
