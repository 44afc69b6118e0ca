package io.crowdlens.privacy;

import io.crowdlens.common.Dataset;

/**
 * A kind of published figure that carries noise of its own (docs/privacy.md, "What is published").
 * Each family is one stored table (or one column of it): the pipeline bounds each device's
 * contribution to it, noises every cell of its public grid and records the noise per release; the
 * query side reads that record to state each figure's margin. Stored by {@link #name()}.
 */
public enum FigureFamily {
    PRESENCE_HOURLY(Dataset.PRESENCE, Scope.DAY, "distinct devices per area and local hour"),
    PRESENCE_DAILY(Dataset.PRESENCE, Scope.DAY, "distinct devices per area and local day"),
    VISITS_HOURLY(Dataset.VISITS, Scope.DAY, "visitors per site and local hour"),
    VISITS_DAILY(Dataset.VISITS, Scope.DAY, "visitors per site and local day"),
    VISITS_DWELL(Dataset.VISITS, Scope.DAY, "visits per site, day and length of stay"),
    VISITS_LOYALTY(Dataset.VISITS, Scope.PERIOD, "first-time and returning visitors per site and day"),
    VISITS_CATCHMENT(Dataset.VISITS, Scope.PERIOD, "visitors over the period per site and home area"),
    COMMUTING_OD(Dataset.COMMUTING, Scope.PERIOD, "commuters per home and work area"),
    COMMUTING_DEPARTURE(Dataset.COMMUTING, Scope.PERIOD, "commuters per home and work area and usual departure hour"),
    CORRIDOR_PASSES(Dataset.COMMUTING, Scope.DAY, "devices passing per corridor, day, hour and direction");

    /**
     * DAY: a family's figures of one local day depend on the devices' events of that day only.
     * PERIOD: they depend on a device's whole period (home and work, first visits), so one device-day
     * can change them as much as the whole device can.
     */
    public enum Scope {
        DAY, PERIOD
    }

    private final Dataset dataset;
    private final Scope scope;
    private final String figures;

    FigureFamily(Dataset dataset, Scope scope, String figures) {
        this.dataset = dataset;
        this.scope = scope;
        this.figures = figures;
    }

    public Dataset dataset() {
        return dataset;
    }

    public Scope scope() {
        return scope;
    }

    /** What one figure of the family counts, in words. */
    public String figures() {
        return figures;
    }
}
