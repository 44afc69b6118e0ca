package io.crowdlens.pipeline.quality;

/** One warning of the quality report; {@link #holds()} when the settings make it fail the run's checks. */
public record QualityWarning(Kind kind, String text, boolean holds) {

    /** What a warning is about; the names are the values of crowdlens.pipeline.quality.hold-on. */
    public enum Kind {
        /** Too large a share of a layer's events on cells in no area (a shoreline, a boundary file of another city). */
        UNPLACED_EVENTS,
        /** Too large a share of a layer's cells in no area. */
        UNPLACED_CELLS,
        /** Too many areas of a layer with no cell in them. */
        EMPTY_AREAS,
        /** A local day with far fewer events than the previous release's days (a file missing, a feed down). */
        DAY_DROP,
        /** A product publishing little of its grid (most figures below k). */
        FEW_FIGURES,
        /** Rows rejected (below the reject limit, which fails the run). */
        REJECTS
    }

    @Override
    public String toString() {
        return (holds ? "FAILS CHECK " : "warning ") + kind + ": " + text;
    }
}
