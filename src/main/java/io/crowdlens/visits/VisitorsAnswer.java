package io.crowdlens.visits;

import io.crowdlens.figures.Answer;
import io.crowdlens.release.ReleaseSummary;
import java.util.List;

/**
 * The answer to one visitors question: rows per site, the release and k that produced them, and a
 * sentence saying exactly what the numbers are.
 *
 * @param shown figures in the answer that are shown
 * @param suppressed figures "not shown (below the minimum crowd)"
 */
public record VisitorsAnswer<T>(ReleaseSummary release, int minimumCrowd, VisitsSelection selection,
        List<SiteFigures<T>> sites, String description, int shown, int suppressed) implements Answer {

    public VisitorsAnswer {
        sites = List.copyOf(sites);
    }

    public SiteFigures<T> site(long siteId) {
        return sites.stream().filter(s -> s.site().id() == siteId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("site " + siteId + " is not in this answer"));
    }

    @Override
    public int shownFigures() {
        return shown;
    }

    @Override
    public int hiddenFigures() {
        return suppressed;
    }
}
