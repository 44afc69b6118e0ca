package io.crowdlens.pipeline.drop;

/**
 * Bounds on every input dimension of a drop (crowdlens.pipeline.limits.*), checked before the
 * expensive work; a drop over a bound fails fast with a one-line reason naming the bound and its
 * setting (docs/pipeline.md, "Bounds").
 *
 * @param maxEventFileBytes size of one events file
 * @param maxReferenceFileBytes size of cells.csv, optouts.csv, areas.geojson, sites.geojson, corridors.geojson
 * @param maxManifestBytes size of manifest.json
 * @param maxLineBytes length of one line of a CSV file (events, cells, opt-outs)
 * @param maxAreas polygon areas in areas.geojson, all layers together
 * @param maxVerticesPerArea positions of one area's geometry (all its rings)
 * @param displayVertices positions of the geometry stored for the portal's map: larger areas are
 *     simplified for display (cells are still assigned with the exact geometry)
 * @param maxPeriodDays days from the manifest's periodFrom to periodTo, inclusive
 * @param allowLinksOutOfDrop follow files of the drop that are symbolic links to places outside it
 *     (for operators who stage drops through links; each such link is logged)
 */
public record DropLimits(long maxEventFileBytes, long maxReferenceFileBytes, long maxManifestBytes, int maxLineBytes,
        int maxAreas, int maxVerticesPerArea, int displayVertices, int maxPeriodDays, boolean allowLinksOutOfDrop) {

    public static final DropLimits DEFAULTS = new DropLimits(50L << 30, 64L << 20, 1L << 20, 64 << 10, 100_000,
            200_000, 2_000, 366, false);

    public DropLimits {
        if (maxEventFileBytes < 1 || maxReferenceFileBytes < 1 || maxManifestBytes < 1 || maxLineBytes < 80
                || maxAreas < 1 || maxVerticesPerArea < 4 || displayVertices < 4 || maxPeriodDays < 1) {
            throw new IllegalArgumentException("crowdlens.pipeline.limits.*: every bound must be positive"
                    + " (line length at least 80 bytes, vertices at least 4)");
        }
    }

    /** A drop over a bound: the reason names the bound's setting. */
    public static DropException exceeded(String what, String setting, Object limit) {
        return new DropException(what + ", above the limit of " + limit + " (crowdlens.pipeline.limits." + setting + ")");
    }
}
