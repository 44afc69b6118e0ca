package io.crowdlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.scratch.RunFolderRetention;
import io.crowdlens.pipeline.scratch.RunLock;
import io.crowdlens.testing.OnH2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 20: concurrent runs with the same output folder overwrote each other's quarantine and report,
 * and two runs of one drop in the same second shared a folder. Now each run has its own folder and an
 * explicit folder held by a live run is refused; what holds device ids is kept for its retention only.
 */
@OnH2
class RunFoldersAreIsolatedTest {

    @Autowired PipelineRunner pipeline;
    @Autowired PipelineSettings settings;

    @TempDir
    Path temp;

    @Test
    void runsOfOneDropStartedWithinTheSameSecondGetFoldersOfTheirOwn() throws Exception {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        // the folders a run would take in this and the next two seconds are taken already
        LocalDateTime now = LocalDateTime.now();
        for (int s = 0; s < 3; s++) {
            Files.createDirectories(settings.outputDirectory().resolve("hand-counted-"
                    + now.plusSeconds(s).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        }

        RunReport report = pipeline.run(drop, RunOptions.defaults().withEngine(EngineKind.DUCKDB).withMinimumCrowd(10));

        assertThat(report.outputDirectory().getFileName().toString()).matches("hand-counted-\\d{8}-\\d{6}-2");
        assertThat(report.outputDirectory().resolve("run-report.txt")).exists();
    }

    @Test
    void anOutputFolderHeldByALiveRunIsRefused() throws Exception {
        Path drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
        Path output = temp.resolve("shared-output");
        try (RunLock live = RunLock.tryAcquire(output).orElseThrow()) {
            assertThatThrownBy(() -> pipeline.run(drop, RunOptions.defaults().withEngine(EngineKind.DUCKDB)
                    .withMinimumCrowd(10).withOutputDirectory(output)))
                    .isInstanceOf(RunFailedException.class)
                    .hasMessageStartingWith("the output folder " + output + " is in use by another run that is still alive (pid "
                            + ProcessHandle.current().pid());
        }
        assertThat(output.resolve("run-report.txt")).doesNotExist();

        RunReport report = pipeline.run(drop, RunOptions.defaults().withEngine(EngineKind.DUCKDB).withMinimumCrowd(10)
                .withOutputDirectory(output));

        assertThat(report.outputDirectory()).isEqualTo(output);
    }

    @Test
    void quarantinesAndFailedRunsAreDeletedAfterTheirRetentionAndLiveRunsAreLeftAlone() throws Exception {
        Path runs = temp.resolve("runs");
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        Path oldFailed = run(runs, "a-failed", "FAILED: events: ...", now.minus(Duration.ofDays(8)));
        Path newFailed = run(runs, "b-failed", "FAILED: events: ...", now.minus(Duration.ofDays(2)));
        Path oldPublished = run(runs, "c-published", "Published from drop ...", now.minus(Duration.ofDays(8)));
        Path live = run(runs, "d-live", "FAILED: ...", now.minus(Duration.ofDays(30)));

        try (RunLock held = RunLock.tryAcquire(live).orElseThrow()) {
            new RunFolderRetention(runs, Duration.ofDays(7), Duration.ofDays(7)).sweep(now);
        }

        assertThat(oldFailed).doesNotExist();
        assertThat(newFailed.resolve("quarantine/events.csv")).exists();
        assertThat(oldPublished.resolve("quarantine")).doesNotExist();
        assertThat(oldPublished.resolve("run-report.txt")).exists();
        assertThat(live.resolve("quarantine/events.csv")).exists();
    }

    private static Path run(Path runs, String name, String report, Instant ended) throws Exception {
        Path run = Files.createDirectories(runs.resolve(name));
        Files.createDirectories(run.resolve("quarantine"));
        Files.writeString(run.resolve("quarantine/events.csv"), "reason,source_file,original_row\n");
        Files.writeString(run.resolve("run-report.txt"), report);
        Files.setLastModifiedTime(run.resolve("run-report.txt"), FileTime.from(ended));
        return run;
    }
}
