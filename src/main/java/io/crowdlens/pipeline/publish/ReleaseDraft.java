package io.crowdlens.pipeline.publish;

import java.time.LocalDate;

/** Everything a release records about how its figures were made (PRIVACY.md rule 5). */
public record ReleaseDraft(
        String dropId,
        LocalDate periodFrom,
        LocalDate periodTo,
        String timeZone,
        int minimumCrowd,
        int rounding,
        String optOutListVersion,
        long rowsRead,
        long rowsAccepted,
        long rowsRejected,
        long rowsOptedOut,
        long rowsSuppressed,
        String engine,
        long validateMillis,
        long aggregateMillis) {
}
