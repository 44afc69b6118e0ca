package io.crowdlens.api;

import io.crowdlens.release.ReleaseSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A served release and the privacy parameters behind its figures (PRIVACY.md rule 5). Never its
 * exact input counts (rows read, accepted, opted out): those are for operator staff only.
 */
@Schema(description = "A served release: the period it covers and the privacy parameters of its figures")
public record ReleaseEntry(
        @Schema(description = "Release id; name it to pin a question to this release") long id,
        @Schema(description = "Dataset: PRESENCE, VISITS or COMMUTING") String dataset,
        @Schema(description = "First day of data, in the release's time zone") LocalDate periodFrom,
        @Schema(description = "Last day of data, in the release's time zone") LocalDate periodTo,
        @Schema(description = "Time zone of days and hours, e.g. Europe/Berlin") String timeZone,
        @Schema(description = "Minimum crowd k the release was published with: every stored figure counts at "
                + "least this many distinct devices") int minimumCrowd,
        @Schema(description = "Minimum crowd your figures are checked against: the release's k, raised by your "
                + "licence where it says so") int yourMinimumCrowd,
        @Schema(description = "Figures are rounded to a multiple of this (1: not rounded)") int rounding,
        @Schema(description = "Version of the opt-out list the release honours") String optOutListVersion,
        @Schema(description = "When the release was published") OffsetDateTime publishedAt,
        @Schema(description = "True when a newer opt-out list has arrived and the release is due to be re-published")
        boolean stale) {

    static ReleaseEntry of(ReleaseSummary release, int licenceMinimumCrowd) {
        return new ReleaseEntry(release.id(), release.dataset().name(), release.periodFrom(), release.periodTo(),
                release.timeZone(), release.minimumCrowd(), Math.max(release.minimumCrowd(), licenceMinimumCrowd),
                release.rounding(), release.optOutListVersion(), release.publishedAt(), release.stale());
    }
}
