package io.crowdlens.pipeline;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.drop.FileCounts;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.quality.QualityReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a successful run did.
 *
 * @param releases one per product the drop carried (presence always)
 * @param notes things the operator should know that did not fail the run (e.g. unexpected row counts)
 * @param warnings what may leave figures incomplete without failing the run (cells in no area of a layer,
 *     areas that overlap slightly, bad timestamps without an offset)
 * @param privacy one line on the noise the run's releases carry and what it cost (or that it has none)
 * @param quality the run's data-quality report; when its checks failed the releases are held for review
 *     (null only for reports built before the checks ran)
 */
public record RunReport(
        String dropId,
        EngineKind engine,
        FileCounts events,
        FileCounts cells,
        long optOutsListed,
        List<PublishedRelease> releases,
        int minimumCrowd,
        int rounding,
        long validateMillis,
        long publishMillis,
        Path outputDirectory,
        List<String> notes,
        List<String> warnings,
        String privacy,
        QualityReport quality) {

    /**
     * One product's release.
     *
     * @param aggregateRows rows the aggregation produced, before protection
     * @param publishedRows rows stored in the release (noisy value at least k each)
     * @param suppressedRows figures of the release's public grids that were not stored
     */
    public record PublishedRelease(Dataset dataset, long releaseId, long aggregateRows, long publishedRows,
            long suppressedRows, long aggregateMillis) {
    }

    public RunReport {
        releases = List.copyOf(releases);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    public RunReport(String dropId, EngineKind engine, FileCounts events, FileCounts cells, long optOutsListed,
            List<PublishedRelease> releases, int minimumCrowd, int rounding, long validateMillis, long publishMillis,
            Path outputDirectory, List<String> notes, String privacy) {
        this(dropId, engine, events, cells, optOutsListed, releases, minimumCrowd, rounding, validateMillis,
                publishMillis, outputDirectory, notes, List.of(), privacy, null);
    }

    /** The same report with the run's quality report. */
    public RunReport withQuality(QualityReport report) {
        return new RunReport(dropId, engine, events, cells, optOutsListed, releases, minimumCrowd, rounding,
                validateMillis, publishMillis, outputDirectory, notes, warnings, privacy, report);
    }

    /** Whether the run's releases are held for review (its quality checks failed). */
    public boolean held() {
        return quality != null && !quality.passed() && !releases.isEmpty();
    }

    /** The same report with more warnings. */
    public RunReport withWarnings(List<String> more) {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new RunReport(dropId, engine, events, cells, optOutsListed, releases, minimumCrowd, rounding,
                validateMillis, publishMillis, outputDirectory, notes, all, privacy, quality);
    }

    public PublishedRelease release(Dataset dataset) {
        return releases.stream().filter(r -> r.dataset() == dataset).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this run published no " + dataset + " release"));
    }

    /** The summary and the quality report, as the command line prints it and run-report.txt keeps it. */
    public String fullReport() {
        return summary() + (quality == null ? "" : System.lineSeparator() + System.lineSeparator() + "Data quality"
                + System.lineSeparator() + quality.text());
    }

    /** The presence release, when the run published one. */
    public long releaseId() {
        return release(Dataset.PRESENCE).releaseId();
    }

    public long aggregateRows() {
        return releases.stream().mapToLong(PublishedRelease::aggregateRows).sum();
    }

    public long publishedRows() {
        return releases.stream().mapToLong(PublishedRelease::publishedRows).sum();
    }

    public long suppressedRows() {
        return releases.stream().mapToLong(PublishedRelease::suppressedRows).sum();
    }

    public long aggregateMillis() {
        return releases.stream().mapToLong(PublishedRelease::aggregateMillis).sum();
    }

    public String summary() {
        if (releases.isEmpty()) {
            return "Published nothing from drop " + dropId + " (" + engine.code() + "): no product has a figure that"
                    + " reaches k = " + minimumCrowd + ", so every served release stays. Events read " + events.read()
                    + ", accepted " + events.accepted() + ", opted out " + events.optedOut() + ", rejected "
                    + events.rejectedTotal() + " " + events.rejected() + "; run report "
                    + outputDirectory.resolve("run-report.txt") + ", quarantine in " + outputDirectory.resolve("quarantine")
                    + (warnings.isEmpty() ? "" : "; warning: " + String.join("; ", warnings))
                    + (notes.isEmpty() ? "" : "; note: " + String.join("; ", notes));
        }
        String published = releases.stream()
                .map(r -> r.dataset().label() + " release " + r.releaseId() + ": " + r.publishedRows() + " of "
                        + (r.publishedRows() + r.suppressedRows()) + " figures of its public grid stored ("
                        + r.aggregateRows() + " counted before noise)")
                .collect(Collectors.joining("; "));
        return (held() ? "HELD FOR REVIEW, not served (" + quality.holdReasons().replace("\n", "; ")
                + "); approve with: releases approve --id " + releases.getFirst().releaseId() + " --by NAME. " : "")
                + "Published from drop " + dropId + " (" + engine.code() + ") with k = " + minimumCrowd
                + (rounding > 1 ? ", rounded to " + rounding : "") + ". " + published + ". " + privacy + ". Events read "
                + events.read() + ", accepted " + events.accepted() + ", opted out " + events.optedOut()
                + ", rejected " + events.rejectedTotal() + " " + events.rejected() + "; cells read " + cells.read()
                + ", rejected " + cells.rejectedTotal() + "; validate " + validateMillis + " ms, aggregate "
                + aggregateMillis() + " ms, publish " + publishMillis + " ms; quarantine in "
                + outputDirectory.resolve("quarantine")
                + (warnings.isEmpty() ? "" : "; warning: " + String.join("; ", warnings))
                + (notes.isEmpty() ? "" : "; note: " + String.join("; ", notes));
    }
}
