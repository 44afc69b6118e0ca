package io.crowdlens.visits;

import io.crowdlens.release.ReleaseSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the visitors view may offer this user: the licensed sites of the served release and the days
 * that are both licensed and published. Empty release: nothing published yet.
 */
public record VisitsChoices(Optional<ReleaseSummary> release, List<VisitSite> sites, LocalDate firstDay,
        LocalDate lastDay) {

    public VisitsChoices {
        sites = List.copyOf(sites);
    }

    public boolean hasData() {
        return release.isPresent() && !sites.isEmpty() && firstDay != null && !firstDay.isAfter(lastDay);
    }
}
