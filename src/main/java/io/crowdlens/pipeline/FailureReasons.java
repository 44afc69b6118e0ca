package io.crowdlens.pipeline;

import java.sql.SQLException;
import java.util.Locale;

/**
 * One-line reasons that name the cause when a run fails on its environment rather than its drop: a
 * full disk (with the path), the engine or the JVM out of memory (with the setting to raise), the
 * serving database gone (nothing was published). Anything else keeps its own message.
 */
final class FailureReasons {

    private FailureReasons() {
    }

    /** The reason for a failure of the environment, or null when it is none of those. */
    static String of(Throwable failure, PipelineSettings settings) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device")) {
                return "no space left on device: " + firstLine(failure.getMessage()) + (failure == t ? ""
                        : " (" + firstLine(message) + ")");
            }
            if (t instanceof OutOfMemoryError) {
                return "the pipeline ran out of Java memory (" + firstLine(message) + "): give the JVM more with -Xmx,"
                        + " or make the engine do the work (crowdlens.pipeline.engine)";
            }
            if (message.contains("Out of Memory Error")) {
                return "the engine ran out of memory (" + firstLine(message).replaceFirst("^.*Out of Memory Error: ", "")
                        + ") at crowdlens.pipeline.duckdb.memory-limit = " + settings.duckdb().memoryLimit()
                        + ": raise it (DuckDB spills to disk beyond it, but some steps need their memory at once)";
            }
        }
        if (servingDatabaseGone(failure)) {
            return "the serving database went away during " + (publishing(failure) ? "publishing" : "the run")
                    + "; nothing was published (" + firstLine(rootMessage(failure)) + ")";
        }
        return null;
    }

    private static boolean servingDatabaseGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (message.contains("database is already closed") || message.contains("connection is closed")
                    || message.contains("rollback failed") || message.contains("connection refused")
                    || message.contains("this connection has been closed")
                    || message.contains("terminating connection due to administrator command")) {
                return true;
            }
        }
        return false;
    }

    private static boolean publishing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("io.crowdlens.pipeline.publish.")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }
}
