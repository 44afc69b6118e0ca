package io.crowdlens.pipeline.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the generator wrote.
 *
 * @param rowsPerFile data rows (header excluded) per file, keyed by the path relative to the drop
 * @param goodEvents  event rows that pass validation (opted-out devices' rows included)
 * @param badRows     planted bad event rows per quarantine reason, every reason present
 * @param optOuts     devices listed in optouts.csv
 */
public record DemoDropSummary(Path dropDir, String dropId, int devices, int cells, int districts,
                             int sites, int corridors, int optOuts, long goodEvents,
                             Map<BadRowReason, Long> badRows, Map<String, Long> rowsPerFile,
                             Duration duration) {

    public DemoDropSummary {
        badRows = Map.copyOf(badRows);
        rowsPerFile = Map.copyOf(rowsPerFile);
    }

    public long totalBadRows() {
        return badRows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** All rows of the events files: what manifest.json announces as expectedRows.events. */
    public long eventRows() {
        return goodEvents + totalBadRows();
    }

    public double eventRowsPerSecond() {
        double seconds = Math.max(duration.toNanos(), 1) / 1e9;
        return eventRows() / seconds;
    }
}
