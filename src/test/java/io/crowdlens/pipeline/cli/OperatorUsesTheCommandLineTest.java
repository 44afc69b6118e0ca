package io.crowdlens.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.testing.OnH2;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@OnH2
class OperatorUsesTheCommandLineTest {

    @Autowired CommandLine commandLine;

    @TempDir
    Path temp;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return commandLine.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    Path handCountedDrop() throws IOException {
        Path source = Path.of("src/test/resources/pipeline/hand-counted");
        Path drop = Files.createDirectories(temp.resolve("drop"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, drop.resolve(file.getFileName()));
            }
        }
        return drop;
    }

    @Test
    void operatorExportsACsvDropAsParquetForTheLakeAndGetsTheTablesDdl() throws Exception {
        Path drop = handCountedDrop();
        Files.writeString(drop.resolve("events.csv"), "d01,c1\n", java.nio.file.StandardOpenOption.APPEND);

        int exit = run("pipeline", "lake-export", "--drop", drop.toString(), "--out", temp.resolve("lake").toString(),
                "--tables", "lake.drop_2026_03_04", "--location", "s3://lake/drops/2026-03-04");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Wrote 45 events, 1 malformed lines and 0 opt-outs as Parquet")
                .contains("create table lake.drop_2026_03_04.events (device_id varchar, cell_id varchar, ts varchar,"
                        + " source_file varchar) with (external_location = 's3://lake/drops/2026-03-04/events',"
                        + " format = 'PARQUET');");
        try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement s = duck.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select (select count(*) from read_parquet('" + temp.resolve("lake/events/*.parquet")
                     + "')), (select any_value(line) from read_parquet('" + temp.resolve("lake/malformed_events/*.parquet") + "'))")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(45);
            assertThat(rs.getString(2)).isEqualTo("d01,c1");
        }
    }

    @Test
    void operatorRunsThePipelineAndListsTheNewRelease() throws IOException {
        int exit = run("pipeline", "run", "--drop", handCountedDrop().toString(), "--k", "10", "--rounding", "5",
                "--output", temp.resolve("run").toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Validating events ...", "Validating events: done, 45 rows")
                .contains("Published from drop hand-counted (duckdb) with k = 10, rounded to 5.")
                // noise is on by default: how many of the 300 figures reach k depends on it; the grid and the counts do not
                .containsPattern("Presence release \\d+: \\d+ of 300 figures of its public grid stored \\(18 counted"
                        + " before noise\\)")
                .containsPattern("Privacy: discrete Gaussian noise on every figure, added once; rho = [0-9.]+ per"
                        + " device-day \\(epsilon [0-9.]+ at delta 1e-09\\)");

        out.reset();
        assertThat(run("releases", "list")).isZero();
        assertThat(out.toString()).contains("PUBLISHED", "hand-counted", "2026-03-02..2026-03-03", "Europe/Berlin");
    }

    @Test
    void releaseColumnsLineUpWhateverTheLengthOfTheDropId() throws IOException {
        Path drop = handCountedDrop();
        Path manifest = drop.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest)
                .replace("\"hand-counted\"", "\"demo-spreeburg-2026-10-19-14d-seed42-hand-counted\""));
        assertThat(run("pipeline", "run", "--drop", drop.toString(), "--k", "10", "--output", temp.resolve("run").toString()))
                .as(err.toString()).isZero();

        out.reset();
        assertThat(run("releases", "list")).isZero();

        List<String> lines = out.toString().lines().filter(l -> l.startsWith("id ") || l.matches("^[0-9]+ .*")).toList();
        int period = lines.getFirst().indexOf("period");
        assertThat(lines).as("the period column starts under its header in every row").hasSizeGreaterThan(1)
                .allSatisfy(line -> assertThat(line.substring(period)).matches("^(period|[0-9]{4}-[0-9]{2}-[0-9]{2}\\.\\.).*"));
    }

    @Test
    void operatorRegistersANewOptOutListAndIsToldWhichReleasesToRepublish() throws IOException {
        assertThat(run("pipeline", "run", "--drop", handCountedDrop().toString(), "--k", "10",
                "--output", temp.resolve("run").toString())).as(err.toString()).isZero();
        String version = "cli-list-" + System.nanoTime();
        Path list = Files.writeString(temp.resolve("optouts-new.csv"), "device_id,received_on\nd11,2026-03-05\n"
                + "d12,2026-03-05\nd11,2026-03-06\n");
        out.reset();

        assertThat(run("pipeline", "optouts", "--file", list.toString(), "--version", version)).as(err.toString()).isZero();

        assertThat(out.toString()).contains("Opt-out list " + version + " registered: 2 devices.")
                .containsPattern("STALE: PRESENCE release \\d+ honoured opt-out list 2026-03-04; re-publish");
        out.reset();
        assertThat(run("releases", "list")).isZero();
        assertThat(out.toString()).contains("PUBLISHED,STALE", "re-publish with 'pipeline run --drop DIR'");
    }

    @Test
    void anOptOutListWithAnUnreadableRowIsRefusedWithItsLine() throws IOException {
        Path list = Files.writeString(temp.resolve("optouts-bad.csv"), "device_id,received_on\nd11,2026-03-05\n,2026-03-05\n");

        assertThat(run("pipeline", "optouts", "--file", list.toString(), "--version", "never")).isEqualTo(CommandLine.FAILED);
        assertThat(err.toString()).contains("optouts-bad.csv: line 3 cannot be read as an opt-out");
    }

    @Test
    void failedRunExitsNonZeroWithTheReasonInOneLine() {
        int exit = run("pipeline", "run", "--drop", temp.resolve("missing").toString());

        assertThat(exit).isEqualTo(CommandLine.FAILED);
        assertThat(err.toString().strip()).isEqualTo("pipeline run failed: drop directory "
                + temp.resolve("missing") + " does not exist");
    }

    @Test
    void kBelowTheFloorIsRefused() throws IOException {
        int exit = run("pipeline", "run", "--drop", handCountedDrop().toString(), "--k", "9");

        assertThat(exit).isEqualTo(CommandLine.FAILED);
        assertThat(err.toString().strip()).isEqualTo("pipeline run failed: k = 9 is below the hard floor of 10 devices");
    }

    @Test
    void wrongUsageExitsWithTwoAndShowsHowToCallIt() {
        assertThat(run("pipeline", "run", "--engine", "oracle", "--drop", "x")).isEqualTo(CommandLine.USAGE);
        assertThat(err.toString()).contains("unknown engine 'oracle'", "usage: pipeline run --drop DIR");

        err.reset();
        assertThat(run("pipeline", "run")).isEqualTo(CommandLine.USAGE);
        assertThat(err.toString()).contains("option --drop is required");

        err.reset();
        assertThat(run("pipeline", "fly")).isEqualTo(CommandLine.USAGE);
        assertThat(err.toString()).contains("unknown command: pipeline fly", "pipeline run", "releases list");
    }

    @Test
    void springSettingsAreNotTakenForCommandOptions() {
        assertThat(CommandLine.springArguments(new String[] {"releases", "list", "--spring.datasource.url=jdbc:h2:mem:x"}))
                .containsExactly("--spring.datasource.url=jdbc:h2:mem:x");
        assertThat(run("releases", "list", "--spring.main.banner-mode=off")).isZero();
    }
}
