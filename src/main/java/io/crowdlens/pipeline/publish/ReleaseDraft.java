package io.crowdlens.pipeline.publish;

import java.time.LocalDate;

/**
 * Everything a run's releases record about how their figures were made (PRIVACY.md rule 5); what
 * differs per product (rows published and suppressed, aggregation time) comes with the product.
 */
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
        String engine,
        long validateMillis) {
}
