package io.crowdlens.presence;

import io.crowdlens.release.ReleaseSummary;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * What the map explorer may offer this user: the licensed layers (code to name) and the days that are
 * both licensed and published. Empty release: nothing published yet.
 */
public record MapChoices(Optional<ReleaseSummary> release, Map<String, String> layers, LocalDate firstDay,
        LocalDate lastDay) {

    public boolean hasData() {
        return release.isPresent() && !layers.isEmpty() && firstDay != null && !firstDay.isAfter(lastDay);
    }
}
