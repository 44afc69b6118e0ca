package io.crowdlens.licensing;

import io.crowdlens.common.Dataset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * One active licence as it bears on a query: which areas of which layer, which days of data.
 *
 * @param areaIds the licensed areas when {@code wholeLayer} is false; empty otherwise
 */
public record LicenceGrant(
        long licenceId,
        Dataset dataset,
        String layerCode,
        boolean wholeLayer,
        Set<Long> areaIds,
        LocalDate dataFrom,
        LocalDate dataTo,
        OffsetDateTime expiresAt,
        Integer minimumCrowd) {

    public LicenceGrant {
        areaIds = Set.copyOf(areaIds);
    }

    public boolean covers(String layer, long areaId) {
        return layerCode.equals(layer) && (wholeLayer || areaIds.contains(areaId));
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(dataFrom) && !day.isAfter(dataTo);
    }
}
