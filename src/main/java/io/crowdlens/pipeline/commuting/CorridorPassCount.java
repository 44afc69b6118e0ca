package io.crowdlens.pipeline.commuting;

import java.time.LocalDate;

/**
 * Devices passing along a corridor, entered on one local day and hour, in one direction (a device
 * counts once per such bucket). Unprotected.
 */
public record CorridorPassCount(String corridorCode, LocalDate localDay, int hourOfDay, Direction direction,
        long passes) {
}
