package io.crowdlens.pipeline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.pipeline.demo.DemoDropGenerator;
import io.crowdlens.pipeline.demo.DemoDropSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, first finding: a run killed with kill -9 while DuckDB spills the drop's rows to disk
 * used to leave the spill files (raw device ids, cells, timestamps) for ever. Now they live in a
 * scratch folder locked by the run; the next start of the application sweeps it.
 */
class KilledRunLeavesNoDeviceDataTest {

    @TempDir
    Path temp;

    @Test
    void aRunKilledWhileDuckDbSpillsLeavesNothingAfterTheNextStart() throws Exception {
        Path drop = temp.resolve("drop");
        DemoDropGenerator.write(DemoDropSpec.defaults().withDevices(3000).withDays(7), drop, (d, t, r) -> { });
        Path scratch = temp.resolve("scratch");
        String[] settings = {ChildJvm.h2(temp), "--crowdlens.pipeline.scratch-directory=" + scratch,
                "--crowdlens.pipeline.output-directory=" + temp.resolve("runs"),
                // a small memory limit makes DuckDB spill this drop to the scratch folder
                "--crowdlens.pipeline.duckdb.memory-limit=80MB", "--crowdlens.pipeline.duckdb.threads=1"};

        Process run = ChildJvm.start(temp, temp.resolve("run.log"), concat(
                new String[] {"pipeline", "run", "--drop", drop.toString(), "--k", "10"}, settings));
        List<Path> spill = waitForSpillFiles(scratch, run);
        assertThat(spill).as("DuckDB spilled before the run ended: " + Files.readString(temp.resolve("run.log")))
                .isNotEmpty();
        run.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no finally block runs
        assertThat(spill).as("the killed run left its spill files").anyMatch(Files::exists);

        ChildJvm.Result next = ChildJvm.run(temp, concat(new String[] {"releases", "list"}, settings));

        assertThat(next.exit()).as(next.output()).isZero();
        assertThat(spill).noneMatch(Files::exists);
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).as("nothing of the killed run is left in the scratch space").isEmpty();
        }
    }

    private static List<Path> waitForSpillFiles(Path scratch, Process run) throws Exception {
        long deadline = System.nanoTime() + 170_000_000_000L;
        while (System.nanoTime() < deadline && run.isAlive()) {
            if (Files.isDirectory(scratch)) {
                try (Stream<Path> files = Files.walk(scratch)) {
                    List<Path> spill = files.filter(f -> f.getFileName().toString().startsWith("duckdb_temp")).toList();
                    if (!spill.isEmpty()) {
                        return spill;
                    }
                }
            }
            Thread.sleep(20);
        }
        return List.of();
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
