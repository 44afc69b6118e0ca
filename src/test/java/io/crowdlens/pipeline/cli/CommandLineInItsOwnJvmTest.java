package io.crowdlens.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real entry point, as an operator starts it: the application's main with a command starts without
 * the web server, runs the command on the configured serving database and exits with its code.
 */
class CommandLineInItsOwnJvmTest {

    @TempDir
    Path temp;

    @Test
    void jarRunsThePipelineWithoutTheWebServerAndExitsWithTheCommandsCode() throws Exception {
        Path drop = Files.createDirectories(temp.resolve("drop"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/pipeline/hand-counted"))) {
            for (Path file : files.toList()) {
                Files.copy(file, drop.resolve(file.getFileName()));
            }
        }
        String database = "--spring.datasource.url=jdbc:h2:file:" + temp.resolve("db/crowdlens")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

        Result ok = java(temp, "pipeline", "run", "--drop", drop.toString(), "--k", "10", database);
        Result failed = java(temp, "pipeline", "run", "--drop", temp.resolve("nowhere").toString(), database);

        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("Published from drop hand-counted", "Presence release 1:").doesNotContain("Tomcat started");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.output()).contains("pipeline run failed: drop directory " + temp.resolve("nowhere") + " does not exist");
    }

    record Result(int exit, String output) {
    }

    private static Result java(Path workingDirectory, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.crowdlens.CrowdLensApplication"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workingDirectory, "cli", ".log");
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not finish in 120 s: " + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
