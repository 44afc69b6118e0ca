package io.crowdlens.visits;

import io.crowdlens.release.ReleaseSummary;
import java.util.List;

/**
 * The answer to one visitors question: rows per site, the release and k that produced them, and a
 * sentence saying exactly what the numbers are.
 *
 * @param shown figures of at least k in the answer
 * @param suppressed figures shown as "fewer than k"
 */
public record VisitorsAnswer<T>(ReleaseSummary release, int minimumCrowd, VisitsSelection selection,
        List<SiteFigures<T>> sites, String description, int shown, int suppressed) {

    public VisitorsAnswer {
        sites = List.copyOf(sites);
    }

    public SiteFigures<T> site(long siteId) {
        return sites.stream().filter(s -> s.site().id() == siteId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("site " + siteId + " is not in this answer"));
    }
}
