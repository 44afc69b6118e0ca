package io.crowdlens.commuting;

import io.crowdlens.release.ReleaseSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the commuting views may offer this user: the served release, the districts it may pick (areas of
 * the release's layer that its licence covers), the corridors and the days it may compare them on.
 * Empty release: nothing published yet. No districts: the licence does not cover the release.
 *
 * @param minimumCrowd the k this user's figures are checked against (the deployment's, raised by the
 *     licence or the release)
 */
public record CommutingChoices(Optional<ReleaseSummary> release, String layerName, List<District> districts,
        List<CorridorLine> corridors, LocalDate firstDay, LocalDate lastDay, int minimumCrowd) {

    public CommutingChoices {
        districts = List.copyOf(districts);
        corridors = List.copyOf(corridors);
    }

    public boolean hasFlows() {
        return release.isPresent() && !districts.isEmpty();
    }

    public boolean hasCorridors() {
        return release.isPresent() && !corridors.isEmpty() && firstDay != null;
    }
}
