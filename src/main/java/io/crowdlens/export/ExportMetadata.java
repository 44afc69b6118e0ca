package io.crowdlens.export;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every export states about itself (PRIVACY.md rule 5), written as the metadata lines at the
 * top of the file (docs/exports.md).
 *
 * @param contents one sentence saying exactly what the figures are (as on screen)
 * @param organisation the organisation the export was made for
 * @param dataset e.g. "Presence"
 * @param releaseId the release that produced the figures
 * @param periodFrom first day covered (local to {@code timeZone})
 * @param periodTo last day covered
 * @param timeZone the zone of days and hours in the file
 * @param minimumCrowd k: every figure shown counts at least this many distinct devices (after noise)
 * @param privacy what protects the figures: the release's noise and its cost, or that it has none
 * @param generatedAt when the file was made
 */
public record ExportMetadata(String contents, String organisation, String dataset, long releaseId,
        LocalDate periodFrom, LocalDate periodTo, String timeZone, int minimumCrowd, String privacy,
        OffsetDateTime generatedAt) {

    public ExportMetadata {
        if (contents == null || organisation == null || dataset == null || periodFrom == null || periodTo == null
                || timeZone == null || privacy == null || generatedAt == null || minimumCrowd < 1) {
            throw new IllegalArgumentException("export metadata is incomplete");
        }
    }

    /** The metadata lines in file order (keys are fixed; docs/exports.md lists them). */
    Map<String, String> lines() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("contents", contents);
        lines.put("organisation", organisation);
        lines.put("dataset", dataset);
        lines.put("release", String.valueOf(releaseId));
        lines.put("period", periodFrom + " to " + periodTo);
        lines.put("time_zone", timeZone);
        lines.put("minimum_crowd_k", String.valueOf(minimumCrowd));
        lines.put("privacy", privacy);
        lines.put("margin", "<column>_margin95 is the half-width of the 95 % interval of the figure's noise"
                + " (0: exact); figures a few margins above k were kept partly by their noise");
        lines.put("suppressed", "an empty figure with <column>_suppressed = true is not shown (below the minimum"
                + " crowd of " + minimumCrowd + " after noise): it is not zero");
        lines.put("generated_at", generatedAt.toString());
        return lines;
    }
}
