package io.crowdlens.pipeline;

import java.nio.file.Path;

/**
 * A run that published nothing; the message says why in one line. {@link #runFolder()} is where the
 * run wrote its report (run-report.txt) and quarantine, when it got that far.
 */
public class RunFailedException extends RuntimeException {

    private final transient Path runFolder;

    public RunFailedException(String message) {
        this(message, null, null);
    }

    public RunFailedException(String message, Throwable cause) {
        this(message, cause, null);
    }

    private RunFailedException(String message, Throwable cause, Path runFolder) {
        super(message, cause);
        this.runFolder = runFolder;
    }

    /** The same failure, naming the run's folder. */
    public RunFailedException in(Path folder) {
        RunFailedException named = new RunFailedException(getMessage(), getCause(), folder);
        named.setStackTrace(getStackTrace());
        return named;
    }

    /** The run's output folder, or null when the run failed before it had one. */
    public Path runFolder() {
        return runFolder;
    }

    /** Where the operator reads more: the run report and the quarantine folder. */
    public String whereToLook() {
        return runFolder == null ? "" : "run report " + runFolder.resolve("run-report.txt") + ", quarantine "
                + runFolder.resolve("quarantine");
    }
}
