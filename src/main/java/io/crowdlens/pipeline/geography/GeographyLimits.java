package io.crowdlens.pipeline.geography;

/**
 * What the reference geography of a drop may look like (crowdlens.pipeline.geography.*).
 *
 * @param maxOverlapSquareMetres areas of one layer may overlap by at most this much (pairwise) before
 *     the layer fails: slivers from separately digitised boundaries are harmless, a real overlap is not
 */
public record GeographyLimits(double maxOverlapSquareMetres) {

    public static final GeographyLimits DEFAULTS = new GeographyLimits(1000);

    public GeographyLimits {
        if (!(maxOverlapSquareMetres >= 0)) {
            throw new IllegalArgumentException(
                    "crowdlens.pipeline.geography.max-overlap-square-metres must be 0 or more, was " + maxOverlapSquareMetres);
        }
    }
}
