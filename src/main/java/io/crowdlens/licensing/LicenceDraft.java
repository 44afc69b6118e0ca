package io.crowdlens.licensing;

import io.crowdlens.common.Dataset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A licence as an account manager writes it: one organisation, one dataset, a layer (whole, or
 * chosen areas of it), the days of data it covers, when it expires, and an optional stricter k.
 *
 * @param minimumCrowd null for the deployment's k; otherwise at least the deployment's k
 */
public record LicenceDraft(long organisationId, Dataset dataset, String layerCode, boolean wholeLayer,
        Set<Long> areaIds, LocalDate dataFrom, LocalDate dataTo, OffsetDateTime expiresAt, Integer minimumCrowd) {

    public LicenceDraft {
        areaIds = areaIds == null ? Set.of() : Set.copyOf(areaIds);
    }
}
