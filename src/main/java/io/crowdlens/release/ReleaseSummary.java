package io.crowdlens.release;

import io.crowdlens.common.Dataset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A published release and the privacy parameters that produced its figures (docs/privacy.md, rule 5):
 * what a partner may be told. Mechanism parameters are public, as differential privacy assumes; exact
 * input counts (rows read, accepted, opted out) are not here: between a release and its re-publication
 * they change by exactly one device, so only operator staff see them ({@link OperatorRelease}).
 *
 * @param noiseMechanism DISCRETE_GAUSSIAN, or NONE for a release published with exact figures
 * @param rhoPerUnit what the release's noise cost per privacy unit (a device's figures of one day), in rho-zCDP
 * @param epsilonPerUnit the epsilon of the (epsilon, delta) statement for that cost
 * @param stale an opt-out list arrived after the one this release honoured (rule 2): re-publish
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
        OffsetDateTime publishedAt,
        boolean stale,
        String noiseMechanism,
        double rhoPerUnit,
        double epsilonPerUnit,
        double deltaPerUnit) {

    public boolean noisy() {
        return !"NONE".equals(noiseMechanism);
    }

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
                + (rounding > 1 ? " · rounded to " + rounding : "") + " · " + privacyLine();
    }

    /** What the margins and the threshold mean for this release's figures (for figure sentences). */
    public String figureSentence() {
        if (!noisy()) {
            return "Published without noise: the figures are exact";
        }
        return "Each figure carries noise added once when the release was made; ± is its 95 % margin, and a"
                + " figure is shown only when its noisy value reaches k";
    }

    /** What protects the release's figures, in a few words. */
    public String privacyLine() {
        if (!noisy()) {
            return "published WITHOUT noise (exact figures)";
        }
        return String.format(Locale.ENGLISH, "calibrated noise added once (discrete Gaussian, %.2f-zCDP,"
                + " epsilon %.2f at delta %.0e per device and day)", rhoPerUnit, epsilonPerUnit, deltaPerUnit);
    }
}
