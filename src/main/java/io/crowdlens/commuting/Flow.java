package io.crowdlens.commuting;

import io.crowdlens.common.Figure;

/** Commuters living in {@code home} and working in {@code work} over the release's period (a shown figure). */
public record Flow(District home, District work, Figure commuters) {

    /** The rounded figure, for ranking. */
    public long rounded() {
        return commuters.rounded();
    }
}
