package io.crowdlens.licensing;

import io.crowdlens.common.Dataset;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One licence in the account manager's list. */
public record LicenceRow(long id, long organisationId, String organisationName, Dataset dataset, String layerName,
        boolean wholeLayer, int areaCount, LocalDate dataFrom, LocalDate dataTo, OffsetDateTime expiresAt,
        int minimumCrowd, OffsetDateTime revokedAt) {

    public String status(OffsetDateTime now) {
        if (revokedAt != null) {
            return "Revoked";
        }
        return expiresAt.isAfter(now) ? "Active" : "Expired";
    }

    public String scope() {
        return wholeLayer ? "Whole layer: " + layerName : areaCount + " areas of " + layerName;
    }
}
