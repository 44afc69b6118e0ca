package io.crowdlens.visits;

import java.util.List;

/** One site's rows of a visitors answer. */
public record SiteFigures<T>(VisitSite site, List<T> rows) {

    public SiteFigures {
        rows = List.copyOf(rows);
    }
}
