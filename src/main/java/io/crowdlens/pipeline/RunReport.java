package io.crowdlens.pipeline;

import io.crowdlens.pipeline.drop.FileCounts;
import io.crowdlens.pipeline.engine.EngineKind;
import java.nio.file.Path;
import java.util.List;

/**
 * What a successful run did.
 *
 * @param aggregateRows rows the aggregation produced, before protection
 * @param publishedRows rows stored in the release (at least k devices each)
 * @param notes things the operator should know that did not fail the run (e.g. unexpected row counts)
 */
public record RunReport(
        long releaseId,
        String dropId,
        EngineKind engine,
        FileCounts events,
        FileCounts cells,
        long optOutsListed,
        long aggregateRows,
        long publishedRows,
        long suppressedRows,
        int minimumCrowd,
        int rounding,
        long validateMillis,
        long aggregateMillis,
        long publishMillis,
        Path outputDirectory,
        List<String> notes) {

    public String summary() {
        return "Release " + releaseId + " published from drop " + dropId + " (" + engine.code() + "): events read "
                + events.read() + ", accepted " + events.accepted() + ", opted out " + events.optedOut()
                + ", rejected " + events.rejectedTotal() + " " + events.rejected() + "; cells read " + cells.read()
                + ", rejected " + cells.rejectedTotal() + "; " + publishedRows + " of " + aggregateRows
                + " aggregate rows published with k = " + minimumCrowd
                + (rounding > 1 ? ", rounded to " + rounding : "") + "; validate " + validateMillis + " ms, aggregate "
                + aggregateMillis + " ms, publish " + publishMillis + " ms; quarantine in " + outputDirectory.resolve("quarantine")
                + (notes.isEmpty() ? "" : "; note: " + String.join("; ", notes));
    }
}
