package io.crowdlens.pipeline;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.pipeline.HandCountedDrop.DISTRICT;
import static io.crowdlens.pipeline.HandCountedDrop.HEX_C1;
import static io.crowdlens.pipeline.HandCountedDrop.MAR_2;
import static io.crowdlens.pipeline.HandCountedDrop.MAR_3;
import static io.crowdlens.pipeline.HandCountedDrop.PUBLISHED_AT_K10;
import static io.crowdlens.pipeline.HandCountedDrop.daily;
import static io.crowdlens.pipeline.HandCountedDrop.hourly;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.db.tables.records.DataReleaseRecord;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.presence.PresenceCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A data operator runs the pipeline on the hand-counted drop, on each engine (see the subclasses). */
abstract class OperatorPublishesHandCountedDropContract {

    @Autowired PipelineRunner pipeline;
    @Autowired DSLContext db;

    @TempDir
    Path temp;

    abstract EngineKind engine();

    /** Runs the pipeline; on Trino the drop's events and opt-outs are first put into the test cluster's lake. */
    RunReport run(Path drop, RunOptions options) {
        return pipeline.run(drop, options);
    }

    RunOptions options(int k) {
        return RunOptions.defaults().withoutNoise("exact figures to compare with hand counts").withEngine(engine()).withMinimumCrowd(k).withOutputDirectory(temp.resolve("run"));
    }

    Path drop() {
        return TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
    }

    @Test
    void operatorPublishesExactlyTheHandCountedFiguresThatReachK() {
        RunReport report = run(drop(), options(10));

        assertThat(PublishedPresence.of(db, report.releaseId())).containsExactlyInAnyOrderElementsOf(PUBLISHED_AT_K10);
        assertThat(report.events().read()).isEqualTo(HandCountedDrop.EVENTS);
        assertThat(report.events().accepted()).isEqualTo(HandCountedDrop.EVENTS);
        assertThat(report.aggregateRows()).isEqualTo(HandCountedDrop.ALL.size());
        assertThat(report.publishedRows()).isEqualTo(PUBLISHED_AT_K10.size());
        // hidden: everything else of the public grids, not only the counted figures below k
        assertThat(report.release(io.crowdlens.common.Dataset.PRESENCE).suppressedRows())
                .isEqualTo(HandCountedDrop.PRESENCE_GRID - PUBLISHED_AT_K10.size());
        // no commuting figure reaches k: no commuting release replaces a served one with nothing (issue 16)
        assertThat(report.releases()).extracting(RunReport.PublishedRelease::dataset)
                .doesNotContain(io.crowdlens.common.Dataset.COMMUTING);
        assertThat(report.quality().text()).contains("Commuters: 0 of " + HandCountedDrop.COMMUTING_GRID
                + " figures published (0.0 %), " + HandCountedDrop.COMMUTING_GRID + " suppressed; nothing to publish");
        assertThat(Files.exists(temp.resolve("run/scratch"))).as("per-device scratch space is deleted").isFalse();
    }

    @Test
    void figureOfExactlyKDevicesIsPublishedAndOfKMinusOneIsNot() {
        Path drop = drop();
        long atTen = run(drop, options(10)).releaseId();
        assertThat(PublishedPresence.of(db, atTen))
                .contains(hourly(DISTRICT, "S", MAR_2, 10, 10))
                .doesNotContain(hourly(DISTRICT, "S", MAR_3, 12, 9))
                .noneMatch(c -> c.devices() < 10);

        long atEleven = run(drop, options(11)).releaseId();
        assertThat(PublishedPresence.of(db, atEleven))
                .noneMatch(c -> c.layerCode().equals(DISTRICT) && c.areaCode().equals("S"))
                .contains(hourly(DISTRICT, "N", MAR_2, 8, 12));
    }

    @Test
    void optingOutOneDeviceChangesOnlyTheFiguresItWasIn() {
        Path drop = drop();
        TestDrops.append(drop, "optouts.csv", "d11,2026-03-04\n");

        RunReport report = run(drop, options(10));

        // d11 was only at c1 (North, 08h, and c1's H3 cell)
        List<PresenceCount> expected = PUBLISHED_AT_K10.stream()
                .map(c -> c.areaCode().equals("N") || c.areaCode().equals(HEX_C1) ? c.withDevices(c.devices() - 1) : c)
                .toList();
        assertThat(PublishedPresence.of(db, report.releaseId())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.events().optedOut()).isEqualTo(1);
        assertThat(report.optOutsListed()).isEqualTo(1);
    }

    @Test
    void operatorRoundsPublishedFiguresToTheNearestFive() {
        RunReport report = run(drop(), options(10).withRounding(5));

        List<PresenceCount> expected = PUBLISHED_AT_K10.stream().map(c -> c.withDevices(10)).toList(); // 12 and 10 -> 10
        assertThat(PublishedPresence.of(db, report.releaseId())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(db.fetchSingle(DATA_RELEASE, DATA_RELEASE.ID.eq(report.releaseId())).getRounding()).isEqualTo(5);
    }

    @Test
    void releaseRecordsHowItsFiguresWereMade() {
        RunReport report = run(drop(), options(10));

        DataReleaseRecord release = db.fetchSingle(DATA_RELEASE, DATA_RELEASE.ID.eq(report.releaseId()));
        assertThat(release.getStatus()).isEqualTo("PUBLISHED");
        assertThat(release.getDataset()).isEqualTo("PRESENCE");
        assertThat(release.getDropId()).isEqualTo("hand-counted");
        assertThat(release.getPeriodFrom()).isEqualTo(MAR_2);
        assertThat(release.getPeriodTo()).isEqualTo(MAR_3);
        assertThat(release.getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(release.getKThreshold()).isEqualTo(10);
        assertThat(release.getRounding()).isEqualTo(1);
        assertThat(release.getOptoutListVersion()).isEqualTo("2026-03-04");
        assertThat(release.getRowsRead()).isEqualTo(HandCountedDrop.EVENTS);
        assertThat(release.getRowsAccepted()).isEqualTo(HandCountedDrop.EVENTS);
        assertThat(release.getRowsRejected()).isZero();
        assertThat(release.getAggregateRows()).isEqualTo(PUBLISHED_AT_K10.size());
        assertThat(release.getRowsSuppressed()).isEqualTo(HandCountedDrop.PRESENCE_GRID - PUBLISHED_AT_K10.size());
        assertThat(release.getEngine()).isEqualTo(engine().code());
        assertThat(release.getPipelineMillis()).isGreaterThanOrEqualTo(release.getPublishMillis());

        assertThat(db.fetchSingle(AREA_LAYER, AREA_LAYER.CODE.eq("h3r8")).getKind()).isEqualTo("H3");
        assertThat(db.fetchSingle(AREA_LAYER, AREA_LAYER.CODE.eq(DISTRICT)).getKind()).isEqualTo("POLYGON");
        var hexagon = db.fetchSingle(AREA, AREA.LAYER_CODE.eq("h3r8").and(AREA.CODE.eq(HEX_C1)));
        assertThat(hexagon.getGeometry()).startsWith("{\"type\":\"Polygon\"");
        assertThat(hexagon.getCentroidLat()).isCloseTo(52.505, org.assertj.core.data.Offset.offset(0.01));
        var south = db.fetchSingle(AREA, AREA.LAYER_CODE.eq(DISTRICT).and(AREA.CODE.eq("S")));
        assertThat(south.getName()).isEqualTo("South");
        assertThat(south.getCentroidLat()).isCloseTo(52.49, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(south.getCentroidLon()).isCloseTo(13.40, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void dailyFigureCountsDistinctDevicesNotTheSumOfHours() {
        RunReport report = run(drop(), options(10));

        assertThat(PublishedPresence.of(db, report.releaseId())).contains(daily(DISTRICT, "S", MAR_3, 10));
    }
}
