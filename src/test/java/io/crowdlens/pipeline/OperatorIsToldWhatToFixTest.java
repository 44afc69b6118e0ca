package io.crowdlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.pipeline.cli.CommandLine;
import io.crowdlens.pipeline.drop.CellKeys;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.testing.OnH2;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reasons an operator can act on: a timestamp that lacks only its offset says so and what to write;
 * a failed run names its report and quarantine folder, also without --output and also when the
 * manifest itself is what failed.
 */
@OnH2
class OperatorIsToldWhatToFixTest {

    @Autowired PipelineRunner pipeline;
    @Autowired CommandLine commandLine;

    @TempDir
    Path temp;

    Path drop;

    @org.junit.jupiter.api.BeforeEach
    void handCountedDrop() {
        drop = TestDrops.copy(HandCountedDrop.NAME, temp.resolve("drop"));
    }

    @Test
    void aTimestampWithoutOffsetSaysTheOffsetIsMissingAndWhatToWrite() {
        TestDrops.append(drop, "events.csv", "d01,c1,2026-03-02T08:15:00\nd01,c1,yesterday\n");

        RunReport report = pipeline.run(drop, RunOptions.defaults().withMinimumCrowd(10).withMaxRejectRate(1.0)
                .withOutputDirectory(temp.resolve("run")));

        assertThat(report.warnings()).contains("bad_timestamp: 1 timestamp has no UTC offset"
                + " (e.g. 2026-03-02T08:15:00), so it does not say which instant it is: write the offset, as in"
                + " 2026-03-02T08:15:00+01:00 if it is Europe/Berlin time, or Z for UTC, or epoch milliseconds");
    }

    @Test
    void aRunFailingOnTimestampsWithoutOffsetSaysSoInItsReason() {
        TestDrops.append(drop, "events.csv", "d01,c1,2026-03-02 09:00\nd02,c1,2026-03-02 09:00\n");

        assertThatThrownBy(() -> pipeline.run(drop, RunOptions.defaults().withMinimumCrowd(10)
                .withOutputDirectory(temp.resolve("run"))))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("events: 2 of 47 rows rejected")
                .hasMessageContaining("bad_timestamp: 2 timestamps have no UTC offset (e.g. 2026-03-02 09:00)")
                .hasMessageContaining("as in 2026-03-02T09:00:00+01:00 if it is Europe/Berlin time");
    }

    @Test
    void aFailedRunWithoutOutputFolderNamesTheFolderOfItsReportAndQuarantine() throws Exception {
        TestDrops.append(drop, "events.csv", "d01,c9,2026-03-02T08:15:00Z\n");

        RunFailedException failed = catchFailure(RunOptions.defaults().withMinimumCrowd(10));

        assertThat(failed.runFolder()).isNotNull();
        assertThat(failed.whereToLook()).contains(failed.runFolder().resolve("run-report.txt").toString(),
                failed.runFolder().resolve("quarantine").toString());
        assertThat(Files.readString(failed.runFolder().resolve("run-report.txt"))).startsWith("FAILED: events: 1 of 46");
        assertThat(failed.runFolder().resolve("quarantine/events.csv")).exists();
    }

    @Test
    void aRunWhoseManifestCannotBeReadStillWritesAReportAndNamesIt() throws Exception {
        TestDrops.write(drop, "manifest.json", "{\"dropId\": ");

        RunFailedException failed = catchFailure(RunOptions.defaults().withOutputDirectory(temp.resolve("run")));

        assertThat(failed.getMessage()).startsWith("invalid JSON in manifest.json at line 1");
        assertThat(failed.runFolder()).isEqualTo(temp.resolve("run"));
        assertThat(Files.readString(temp.resolve("run/run-report.txt"))).startsWith("FAILED: invalid JSON in manifest.json");
    }

    @Test
    void theCommandLineNamesTheReportAndQuarantineOfAFailedRunOnItsOneLine() {
        TestDrops.append(drop, "events.csv", "d01,c9,2026-03-02T08:15:00Z\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = commandLine.execute(new String[] {"pipeline", "run", "--drop", drop.toString(), "--k", "10"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(CommandLine.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).hasLineCount(1)
                .startsWith("pipeline run failed: events: 1 of 46 rows rejected")
                .containsPattern("\\(run report .*hand-counted-\\d{8}-\\d{6}.*/run-report\\.txt, quarantine .*/quarantine\\)$");
    }

    @Test
    void numericCellKeysCompareAsNumbersPartByPart() {
        assertThat(CellKeys.canonical("262-02-0308-00361")).isEqualTo("262-2-308-361");
        assertThat(CellKeys.canonical("262-0-0-7")).isEqualTo("262-0-0-7");
        assertThat(CellKeys.canonical("c0001")).isEqualTo("c0001");
        assertThat(CellKeys.canonical("262-02-x-1")).isEqualTo("262-02-x-1");
    }

    private RunFailedException catchFailure(RunOptions options) {
        try {
            pipeline.run(drop, options.withEngine(EngineKind.DUCKDB));
        } catch (RunFailedException e) {
            return e;
        }
        throw new AssertionError("the run did not fail");
    }
}
