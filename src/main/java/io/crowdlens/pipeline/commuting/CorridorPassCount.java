package io.crowdlens.pipeline.commuting;

import java.time.LocalDate;

/** Passes along a corridor entered on one local day and hour, in one direction, and their distinct devices. Unprotected. */
public record CorridorPassCount(String corridorCode, LocalDate localDay, int hourOfDay, Direction direction,
        long passes, long devices) {
}
