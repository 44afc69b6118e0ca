package io.crowdlens.pipeline;

import io.crowdlens.pipeline.engine.PipelineEngine;

/** One product's part of one run, holding what {@link DataProduct#plan} read from the drop. */
public interface ProductRun {

    /**
     * Aggregates the accepted events ({@code ScratchTables.CLASSIFIED_EVENT} where status is null) on
     * the run's engine. May create further scratch tables (they die with the engine). Unprotected.
     */
    ProductAggregates aggregate(PipelineEngine engine);
}
