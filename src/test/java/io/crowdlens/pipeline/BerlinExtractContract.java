package io.crowdlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.presence.PresenceCount;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real open data through the pipeline: two of Berlin's official districts (their real, detailed
 * boundaries) and six real OpenCelliD towers, with made-up events counted by hand
 * (src/test/resources/pipeline/berlin-extract/README.md). Noise-free exact figures at k = 10.
 */
abstract class BerlinExtractContract {

    static final LocalDate MAR_2 = LocalDate.of(2026, 3, 2);

    @Autowired PipelineRunner pipeline;
    @Autowired DSLContext db;

    @TempDir
    Path temp;

    abstract EngineKind engine();

    RunReport run() {
        Path drop = TestDrops.copy("berlin-extract", temp.resolve("drop"));
        return pipeline.run(drop, RunOptions.defaults().withoutNoise("exact figures to compare with hand counts").withEngine(engine()).withMinimumCrowd(10)
                .withOutputDirectory(temp.resolve("run")));
    }

    @Test
    void operatorPublishesTheHandCountedDistrictFiguresOfRealBerlinData() {
        RunReport report = run();

        assertThat(report.events().read()).isEqualTo(45);
        assertThat(report.events().accepted()).isEqualTo(45);
        assertThat(PublishedPresence.of(db, report.releaseId()).stream().filter(p -> p.layerCode().equals("district")))
                .containsExactlyInAnyOrder(
                        new PresenceCount("district", "01", MAR_2, 8, 12),
                        new PresenceCount("district", "01", MAR_2, null, 12),
                        new PresenceCount("district", "02", MAR_2, 10, 10),
                        new PresenceCount("district", "02", MAR_2, null, 10));
        assertThat(PublishedPresence.of(db, report.releaseId()))
                .contains(new PresenceCount("h3r8", hex(52.540038, 13.413057), MAR_2, 12, 11))
                .noneMatch(p -> p.areaCode().equals(hex(52.547117, 13.120795)));
    }

    @Test
    void cellsOutsideEveryDistrictAreReportedNotMovedToTheNearestOne() {
        RunReport report = run();

        assertThat(report.warnings()).contains("layer district: 2 of 6 cells lie in no area and count in none of its"
                + " figures (262-2-318-29131 [13.413057, 52.540038], 262-2-301-1702 [13.120795, 52.547117])");
        assertThat(report.summary()).contains("warning: layer district: 2 of 6 cells lie in no area");
    }

    @Test
    void zeroPaddedPartsOfAnOpenCellIdKeyNameTheSameCell() {
        RunReport report = run();

        // b18-b22 wrote K1 as 262-02-0317-15601: compared as text they were unknown cells, and
        // Friedrichshain-Kreuzberg's 10 devices fell to 5, below k
        assertThat(report.events().rejected()).isEmpty();
        assertThat(PublishedPresence.of(db, report.releaseId()))
                .contains(new PresenceCount("district", "02", MAR_2, 10, 10));
    }

    private static String hex(double lat, double lon) {
        try {
            return H3Core.newInstance().latLngToCellAddress(lat, lon, 8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
