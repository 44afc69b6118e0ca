package io.crowdlens.pipeline.drop;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * What a drop covers (docs/drop-format.md, manifest.json).
 *
 * @param periodFrom first local date covered (inclusive)
 * @param periodTo last local date covered (inclusive)
 * @param expectedRows rows the operator expects per input ("events", "cells"); may be empty
 */
public record Manifest(String dropId, LocalDate periodFrom, LocalDate periodTo, ZoneId timeZone,
        String optOutListVersion, int h3Resolution, Map<String, Long> expectedRows) {

    public Manifest {
        expectedRows = Map.copyOf(expectedRows);
    }

    public static final int DEFAULT_H3_RESOLUTION = 8;

    public String h3LayerCode() {
        return "h3r" + h3Resolution;
    }

    /** A note for the run report when the operator expected another row count (not a failure). */
    public Optional<String> rowCountMismatch(FileCounts counts) {
        Long expected = expectedRows.get(counts.input());
        if (expected == null || expected == counts.read()) {
            return Optional.empty();
        }
        return Optional.of("manifest expected " + expected + " " + counts.input() + " rows, the drop has " + counts.read());
    }
}
