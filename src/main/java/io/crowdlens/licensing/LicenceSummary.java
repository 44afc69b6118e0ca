package io.crowdlens.licensing;

import io.crowdlens.common.Dataset;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A licence as its holder sees it on the "My licences" page. */
public record LicenceSummary(
        long id,
        Dataset dataset,
        String layerName,
        boolean wholeLayer,
        int areaCount,
        LocalDate dataFrom,
        LocalDate dataTo,
        OffsetDateTime expiresAt,
        int minimumCrowd) {
}
