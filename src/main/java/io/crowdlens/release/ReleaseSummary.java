package io.crowdlens.release;

import io.crowdlens.common.Dataset;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A published release and the privacy parameters that produced its figures (PRIVACY.md rule 5).
 *
 * @param stale an opt-out list arrived after the one this release honoured (PRIVACY.md rule 2): re-publish
 */
public record ReleaseSummary(
        long id,
        Dataset dataset,
        String status,
        LocalDate periodFrom,
        LocalDate periodTo,
        String timeZone,
        int minimumCrowd,
        int rounding,
        String optOutListVersion,
        long rowsRead,
        long rowsAccepted,
        long rowsRejected,
        long aggregateRows,
        OffsetDateTime publishedAt,
        boolean stale) {

    /**
     * A few words for the footer, which names every served release: "Presence release 4". The k is
     * left to each view, which states the partner's own (a licence may raise the release's).
     */
    public String shortLine() {
        return dataset.label() + " release " + id;
    }

    /** One line for a legend. */
    public String describe() {
        return "Release " + id + " (" + dataset.label() + ", " + periodFrom + " to " + periodTo
                + ") · minimum crowd k = " + minimumCrowd
                + (rounding > 1 ? " · rounded to " + rounding : "");
    }
}
