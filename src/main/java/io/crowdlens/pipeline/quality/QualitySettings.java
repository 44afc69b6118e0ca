package io.crowdlens.pipeline.quality;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The warning thresholds of the data-quality report (crowdlens.pipeline.quality.*) and which warnings
 * fail the run's checks, holding its releases for review (docs/pipeline.md, "Quality report").
 *
 * @param maxUnplacedEventShare share of a layer's accepted events on cells in no area of the layer above
 *     which the report warns (UNPLACED_EVENTS)
 * @param maxUnplacedCellShare share of a layer's cells in no area above which the report warns (UNPLACED_CELLS)
 * @param maxEmptyAreaShare share of a layer's areas holding no cell above which the report warns (EMPTY_AREAS)
 * @param dayDropRatio a local day whose accepted events fall below this share of the previous release's
 *     median day is flagged (DAY_DROP); 0.5 flags a day that halves
 * @param minPublishedShare share of a product's grid published (not suppressed) below which the report
 *     warns (FEW_FIGURES)
 * @param worstCells how many cells in no area the report lists per layer, most events first
 * @param holdOn the warnings that fail the checks: a run with any of them is held for review
 */
@ConfigurationProperties("crowdlens.pipeline.quality")
public record QualitySettings(
        @DefaultValue("0.05") double maxUnplacedEventShare,
        @DefaultValue("0.25") double maxUnplacedCellShare,
        @DefaultValue("0.5") double maxEmptyAreaShare,
        @DefaultValue("0.5") double dayDropRatio,
        @DefaultValue("0.01") double minPublishedShare,
        @DefaultValue("10") int worstCells,
        @DefaultValue({"UNPLACED_EVENTS", "DAY_DROP"}) Set<QualityWarning.Kind> holdOn) {

    public static final QualitySettings DEFAULTS = new QualitySettings(0.05, 0.25, 0.5, 0.5, 0.01, 10,
            Set.of(QualityWarning.Kind.UNPLACED_EVENTS, QualityWarning.Kind.DAY_DROP));

    public QualitySettings {
        holdOn = Set.copyOf(holdOn);
        for (double share : new double[] {maxUnplacedEventShare, maxUnplacedCellShare, maxEmptyAreaShare,
                dayDropRatio, minPublishedShare}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("crowdlens.pipeline.quality.* shares must be between 0 and 1, was "
                        + share);
            }
        }
    }
}
