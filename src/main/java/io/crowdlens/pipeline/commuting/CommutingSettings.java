package io.crowdlens.pipeline.commuting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Corridor passes (crowdlens.pipeline.commuting.*; docs/commuting.md).
 *
 * @param corridorMinCells a pass goes through at least this many of the corridor's cells, in order
 * @param corridorTimeLimit from the entry (the last event in the first cell) to the exit (the first
 *     event in the last cell); a longer silence between two cells also ends a traversal
 */
@ConfigurationProperties("crowdlens.pipeline.commuting")
public record CommutingSettings(
        @DefaultValue("3") int corridorMinCells,
        @DefaultValue("60m") Duration corridorTimeLimit) {

    public CommutingSettings {
        if (corridorMinCells < 2) {
            throw new IllegalArgumentException("crowdlens.pipeline.commuting.corridor-min-cells must be at least 2, was "
                    + corridorMinCells);
        }
        if (corridorTimeLimit == null || corridorTimeLimit.toMinutes() < 1 || corridorTimeLimit.toHours() > 24) {
            throw new IllegalArgumentException(
                    "crowdlens.pipeline.commuting.corridor-time-limit must be between 1 minute and 24 hours, was "
                            + corridorTimeLimit);
        }
    }

    public static CommutingSettings defaults() {
        return new CommutingSettings(3, Duration.ofMinutes(60));
    }
}
