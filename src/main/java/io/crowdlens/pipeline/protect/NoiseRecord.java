package io.crowdlens.pipeline.protect;

import io.crowdlens.privacy.FigureFamily;
import java.math.BigDecimal;

/**
 * What a release records about one figure family's noise (table release_noise): the mechanism's
 * parameters, the bound that made its sensitivity true, its cost, and how much of its public grid
 * was stored.
 *
 * @param sigma 0 when the run published exact figures
 * @param variance exact variance of one figure's noise
 * @param margin95 half-width of the 95 % interval of one figure's noise
 * @param rho zCDP cost per privacy unit (0 without noise)
 * @param gridCells figures of the public grid that were noised
 * @param storedCells of those, how many reached k and were stored
 */
public record NoiseRecord(FigureFamily family, BigDecimal sigma, double variance, long margin95, String bound,
        double squaredSensitivity, double rho, long gridCells, long storedCells) {
}
