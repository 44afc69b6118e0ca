package io.crowdlens.pipeline.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The application's real entry point in its own JVM, as an operator starts a command. */
final class ChildJvm {

    record Result(int exit, String output) {
    }

    private ChildJvm() {
    }

    static Process start(Path workingDirectory, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.crowdlens.CrowdLensApplication"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static Result run(Path workingDirectory, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workingDirectory, "cli", ".log");
        Process process = start(workingDirectory, log, args);
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not finish in 180 s: " + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    static String h2(Path directory) {
        return "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("db/crowdlens")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
}
