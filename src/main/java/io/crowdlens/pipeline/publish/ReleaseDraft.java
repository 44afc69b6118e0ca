package io.crowdlens.pipeline.publish;

import java.time.LocalDate;

/**
 * Everything a run's releases record about how their figures were made (docs/privacy.md, rule 5);
 * what differs per product (figures published and withheld, noise and cost, aggregation time) comes
 * with the product.
 *
 * @param runId shared by the releases one run publishes together
 * @param noiseMechanism DISCRETE_GAUSSIAN, or NONE when the run published exact figures
 * @param delta the delta of each release's (epsilon, delta) statement per privacy unit
 */
public record ReleaseDraft(
        String runId,
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
        long validateMillis,
        String noiseMechanism,
        double delta) {
}
