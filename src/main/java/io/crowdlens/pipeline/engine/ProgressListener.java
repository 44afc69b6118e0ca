package io.crowdlens.pipeline.engine;

/** Hears how far a long step has got; the command line shows it, services usually ignore it. */
public interface ProgressListener {

    ProgressListener SILENT = new ProgressListener() {
    };

    default void started(String step) {
    }

    /**
     * @param rows rows processed so far
     * @param fraction share of the step done, 0 to 1, or negative when the engine cannot tell
     */
    default void progress(String step, long rows, double fraction) {
    }

    /** @param rows rows the step wrote, or negative when the engine does not say (DuckDB's CREATE TABLE AS) */
    default void finished(String step, long rows) {
    }
}
