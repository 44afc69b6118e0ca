package io.crowdlens.pipeline;

import static io.crowdlens.pipeline.HandCountedDrop.PUBLISHED_AT_K10;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.pipeline.drop.QuarantineFile;
import io.crowdlens.pipeline.drop.RejectReason;
import io.crowdlens.pipeline.engine.EngineKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad input: each rejection reason lands in quarantine with its reason and is counted, while the good
 * rows are published exactly as before; a broken or missing file, or too many rejects, fails the run
 * with a message naming the problem, and a failed run leaves the serving database as it was.
 */
abstract class OperatorIsToldWhatIsWrongWithADropContract {

    @Autowired PipelineRunner pipeline;
    @Autowired DSLContext db;

    @TempDir
    Path temp;

    Path drop;

    abstract EngineKind engine();

    /** Runs the pipeline; on Trino the drop's events and opt-outs are first put into the test cluster's lake. */
    RunReport run(Path drop, RunOptions options) {
        return pipeline.run(drop, options);
    }

    @BeforeEach
    void handCountedDrop() {
        drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
    }

    /** Tolerates any reject rate, so the quarantine of a few bad rows can be inspected. */
    RunReport runTolerant() {
        return run(drop, RunOptions.defaults().withoutNoise("exact figures to compare with hand counts").withEngine(engine()).withMinimumCrowd(10)
                .withMaxRejectRate(1.0).withOutputDirectory(temp.resolve("run")));
    }

    RunOptions strict() {
        return RunOptions.defaults().withoutNoise("exact figures to compare with hand counts").withEngine(engine()).withMinimumCrowd(10).withOutputDirectory(temp.resolve("run"));
    }

    @Test
    void rowsOfTheWrongShapeAreQuarantinedAsMalformed() {
        TestDrops.append(drop, "events.csv", "d01,c1\nd02,c1,2026-03-02T08:15:00Z,surplus\n");

        RunReport report = runTolerant();

        assertRejected(report, RejectReason.MALFORMED, 2, "events.csv", "d01,c1", "surplus");
    }

    @Test
    void rowsWithoutADeviceIdAreQuarantined() {
        TestDrops.append(drop, "events.csv", ",c1,2026-03-02T08:15:00Z\n   ,c1,2026-03-02T08:15:00Z\n");

        RunReport report = runTolerant();

        assertRejected(report, RejectReason.EMPTY_DEVICE_ID, 2, "events.csv", ",c1,2026-03-02T08:15:00Z");
    }

    @Test
    void eventsAtCellsNotInTheCellFileAreQuarantined() {
        TestDrops.append(drop, "events.csv", "d01,c9,2026-03-02T08:15:00Z\n");

        RunReport report = runTolerant();

        assertRejected(report, RejectReason.UNKNOWN_CELL, 1, "events.csv", "d01,c9,2026-03-02T08:15:00Z");
    }

    @Test
    void timestampsWithoutOffsetOrUnparseableAreQuarantined() {
        TestDrops.append(drop, "events.csv",
                "d01,c1,2026-03-02T08:15:00\nd01,c1,yesterday\nd01,c1,2026-02-30T08:15:00Z\nd01,c1,\n");

        RunReport report = runTolerant();

        assertRejected(report, RejectReason.BAD_TIMESTAMP, 4, "events.csv", "d01,c1,2026-03-02T08:15:00", "yesterday",
                "2026-02-30T08:15:00Z");
    }

    @Test
    void eventsOutsideTheDeclaredLocalPeriodAreQuarantined() {
        // 1 March 23:59:59 and 4 March 00:00 local time (CET), just outside 2-3 March
        TestDrops.append(drop, "events.csv", "d01,c1,2026-03-01T22:59:59Z\nd01,c1,2026-03-03T23:00:00Z\n");

        RunReport report = runTolerant();

        assertRejected(report, RejectReason.OUTSIDE_PERIOD, 2, "events.csv", "2026-03-01T22:59:59Z");
    }

    @Test
    void theSameEventTwiceIsQuarantinedOnceAsDuplicate() {
        // d01's first event twice more: once as written, once as the same instant in epoch milliseconds
        TestDrops.append(drop, "events.csv", "d01,c1,2026-03-02T08:15:00+01:00\nd01,c1,1772435700000\n");

        RunReport report = runTolerant();

        assertRejected(report, RejectReason.DUPLICATE, 2, "events.csv", "d01,c1,");
    }

    @Test
    void ofSeveralCopiesInSeveralFilesTheFirstByTimestampAsWrittenThenFileIsKept() throws IOException {
        // d01's first event three times: as written in b.csv (the original), again in a.csv, and in a.csv
        // as epoch milliseconds with blanks around the ids; "1772435700000" sorts before "2026-..."
        Files.createDirectories(drop.resolve("events"));
        Files.move(drop.resolve("events.csv"), drop.resolve("events/b.csv"));
        TestDrops.write(drop, "events/a.csv",
                "device_id,cell_id,ts\nd01,c1,2026-03-02T08:15:00+01:00\n d01 , c1 ,1772435700000\n");

        RunReport report = runTolerant();

        assertThat(report.events().rejected()).containsExactly(Map.entry(RejectReason.DUPLICATE, 2L));
        assertThat(report.events().accepted()).isEqualTo(HandCountedDrop.EVENTS);
        assertThat(Files.readAllLines(temp.resolve("run/quarantine/events.csv"))).containsExactlyInAnyOrder(
                QuarantineFile.HEADER,
                "duplicate,a.csv,\"d01,c1,2026-03-02T08:15:00+01:00\"",
                "duplicate,b.csv,\"d01,c1,2026-03-02T08:15:00+01:00\"");
        assertThat(PublishedPresence.of(db, report.releaseId())).containsExactlyInAnyOrderElementsOf(PUBLISHED_AT_K10);
    }

    @Test
    void cellsWithImpossibleCoordinatesAreQuarantined() throws IOException {
        TestDrops.append(drop, "cells.csv", "c5,95.0,13.4,100\nc6,52.5,-181,100\n");

        RunReport report = runTolerant();

        assertThat(report.cells().rejected()).containsExactly(Map.entry(RejectReason.BAD_COORDINATES, 2L));
        assertThat(TestDrops.read(temp.resolve("run/run-report.txt"))).contains("cells read 6, rejected 2");
        List<String> quarantined = Files.readAllLines(temp.resolve("run/quarantine/cells.csv"));
        assertThat(quarantined).containsExactly(QuarantineFile.HEADER,
                "bad_coordinates,cells.csv,\"c5,95.0,13.4,100\"", "bad_coordinates,cells.csv,\"c6,52.5,-181,100\"");
    }

    @Test
    void tooManyRejectsFailTheRunAndPublishNothing() {
        long before = run(drop, strict()).releaseId();
        Map<String, List<Record>> served = PublishedPresence.snapshot(db);
        // 1 bad row in 46 is 2.2 %, above the default limit of 1 %
        TestDrops.append(drop, "events.csv", "d01,c9,2026-03-02T08:15:00Z\n");

        assertThatThrownBy(() -> run(drop, strict()))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("events: 1 of 46 rows rejected (2.17 %), above the limit of 1.00 %");

        assertThat(PublishedPresence.snapshot(db)).isEqualTo(served);
        assertThat(PublishedPresence.of(db, before)).containsExactlyInAnyOrderElementsOf(PUBLISHED_AT_K10);
        assertThat(Files.exists(temp.resolve("run/scratch"))).as("scratch deleted after a failed run").isFalse();
        assertThat(TestDrops.read(temp.resolve("run/run-report.txt"))).startsWith("FAILED: events: 1 of 46 rows rejected");
    }

    @Test
    void brokenGeoJsonFailsTheRunNamingFileLineAndColumn() {
        TestDrops.write(drop, "areas.geojson", "{ \"type\": \"FeatureCollection\",\n  \"features\": [ { \"type\": } ] }");
        Map<String, List<Record>> served = PublishedPresence.snapshot(db);

        assertThatThrownBy(() -> run(drop, strict()))
                .isInstanceOf(RunFailedException.class)
                .hasMessageStartingWith("invalid GeoJSON in areas.geojson at line 2, column");

        assertThat(PublishedPresence.snapshot(db)).isEqualTo(served);
    }

    @Test
    void aTruncatedGeoJsonFileIsNamedWithoutTheParsersInternals() {
        TestDrops.write(drop, "areas.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"");

        assertThatThrownBy(() -> run(drop, strict()))
                .isInstanceOf(RunFailedException.class)
                .hasMessageStartingWith("invalid GeoJSON in areas.geojson at line 1, column")
                .hasMessageContaining("Unexpected end-of-input")
                .hasMessageNotContaining("Source:");
    }

    @Test
    void geoJsonWithAnOpenRingFailsTheRunNamingFileAndMember() {
        TestDrops.write(drop, "areas.geojson", """
                { "type": "FeatureCollection", "features": [
                  { "type": "Feature", "properties": { "id": "N", "name": "North", "layer": "district" },
                    "geometry": { "type": "Polygon", "coordinates": [[[13.38,52.50],[13.42,52.50],[13.42,52.52],[13.38,52.52],[13.38,52.50]]] } },
                  { "type": "Feature", "properties": { "id": "S", "name": "South", "layer": "district" },
                    "geometry": { "type": "Polygon", "coordinates": [[[13.38,52.48],[13.42,52.48],[13.42,52.50],[13.38,52.50],[13.40,52.49]]] } }
                ]}""");

        assertThatThrownBy(() -> run(drop, strict()))
                .isInstanceOf(RunFailedException.class)
                .hasMessage("invalid GeoJSON in areas.geojson at $.features[1].geometry.coordinates[0]: "
                        + "the ring is not closed (first and last positions differ)");
    }

    @Test
    void geoJsonWithAPointFailsTheRunNamingFileAndMember() {
        TestDrops.write(drop, "areas.geojson", """
                { "type": "FeatureCollection", "features": [
                  { "type": "Feature", "properties": { "id": "N", "name": "North", "layer": "district" },
                    "geometry": { "type": "Point", "coordinates": [13.38,52.50] } } ]}""");

        assertThatThrownBy(() -> run(drop, strict()))
                .isInstanceOf(RunFailedException.class)
                .hasMessage("invalid GeoJSON in areas.geojson at $.features[0].geometry.type: "
                        + "expected Polygon or MultiPolygon, found 'Point'");
    }

    @Test
    void missingFileFailsTheRunNamingIt() throws IOException {
        Files.delete(drop.resolve("cells.csv"));
        Map<String, List<Record>> served = PublishedPresence.snapshot(db);

        assertThatThrownBy(() -> run(drop, strict()))
                .isInstanceOf(RunFailedException.class)
                .hasMessageStartingWith("required file cells.csv is missing from the drop");

        assertThat(PublishedPresence.snapshot(db)).isEqualTo(served);
    }

    @Test
    void missingEventColumnFailsTheRunNamingIt() {
        TestDrops.write(drop, "events.csv", "device_id,cell_id,when\nd01,c1,2026-03-02T08:15:00Z\n");

        assertThatThrownBy(() -> run(drop, strict()))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("ts");
    }

    @Test
    void unexpectedRowCountsAreReportedWithoutFailingTheRun() {
        TestDrops.write(drop, "manifest.json", """
                {"dropId": "hand-counted", "periodFrom": "2026-03-02", "periodTo": "2026-03-03",
                 "timeZone": "Europe/Berlin", "optOutListVersion": "2026-03-04",
                 "expectedRows": {"events": 50, "cells": 4}}""");

        RunReport report = run(drop, strict());

        assertThat(report.notes()).containsExactly("manifest expected 50 events rows, the drop has 45");
        assertThat(report.summary()).endsWith("note: manifest expected 50 events rows, the drop has 45");
    }

    @Test
    void manifestWithoutTimeZoneFailsTheRunNamingTheField() {
        TestDrops.write(drop, "manifest.json", """
                {"dropId": "x", "periodFrom": "2026-03-02", "periodTo": "2026-03-03", "optOutListVersion": "v"}""");

        assertThatThrownBy(() -> run(drop, strict()))
                .isInstanceOf(RunFailedException.class)
                .hasMessage("manifest.json field timeZone: required text is missing");
    }

    private void assertRejected(RunReport report, RejectReason reason, long rows, String sourceFile,
            String... quarantinedFragments) {
        assertThat(report.events().rejected()).containsExactly(Map.entry(reason, rows));
        assertThat(report.events().read()).isEqualTo(HandCountedDrop.EVENTS + rows);
        assertThat(report.events().accepted()).isEqualTo(HandCountedDrop.EVENTS);
        List<String> quarantined;
        try {
            quarantined = Files.readAllLines(temp.resolve("run/quarantine/events.csv"));
        } catch (IOException e) {
            throw new AssertionError("no quarantine file", e);
        }
        assertThat(quarantined.getFirst()).isEqualTo(QuarantineFile.HEADER);
        assertThat(quarantined).hasSize((int) rows + 1);
        assertThat(quarantined.subList(1, quarantined.size()))
                .allMatch(line -> line.startsWith(reason.code() + "," + sourceFile + ","));
        for (String fragment : quarantinedFragments) {
            assertThat(quarantined).anyMatch(line -> line.contains(fragment));
        }
        // the bad rows changed no published figure
        assertThat(PublishedPresence.of(db, report.releaseId())).containsExactlyInAnyOrderElementsOf(PUBLISHED_AT_K10);
    }
}
