package io.crowdlens.pipeline.visits;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the visitors product finds stays (crowdlens.pipeline.visits.*; docs/visits.md).
 *
 * @param minimumDwell a run of events at a site is a stay when it spans at least this long
 * @param gapTolerance the longest silence between two consecutive events of one stay
 * @param sensitiveCategories site categories that no site product ever includes (PRIVACY.md rule 4)
 */
@ConfigurationProperties("crowdlens.pipeline.visits")
public record VisitsSettings(
        @DefaultValue("10m") Duration minimumDwell,
        @DefaultValue("60m") Duration gapTolerance,
        @DefaultValue({"clinic", "place_of_worship", "school", "shelter"}) List<String> sensitiveCategories) {

    public VisitsSettings {
        if (minimumDwell.isNegative() || minimumDwell.toMinutes() < 1) {
            throw new IllegalArgumentException("crowdlens.pipeline.visits.minimum-dwell must be at least 1 minute, was "
                    + minimumDwell);
        }
        if (gapTolerance.toMinutes() < 1) {
            throw new IllegalArgumentException("crowdlens.pipeline.visits.gap-tolerance must be at least 1 minute, was "
                    + gapTolerance);
        }
        sensitiveCategories = sensitiveCategories.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
    }

    public static VisitsSettings defaults() {
        return new VisitsSettings(Duration.ofMinutes(10), Duration.ofMinutes(60),
                List.of("clinic", "place_of_worship", "school", "shelter"));
    }
}
