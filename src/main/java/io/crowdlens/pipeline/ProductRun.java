package io.crowdlens.pipeline;

import io.crowdlens.pipeline.engine.PipelineEngine;
import io.crowdlens.pipeline.protect.FamilyCost;
import java.util.List;
import java.util.function.Function;

/** One product's part of one run, holding what {@link DataProduct#plan} read from the drop. */
public interface ProductRun {

    /**
     * The figure families this run will publish and what one privacy unit may contribute to each, known
     * before any event is read: the accountant checks the run's cost against the budget first.
     */
    List<FamilyCost> costs();

    /**
     * Aggregates the accepted events ({@code ScratchTables.CLASSIFIED_EVENT} where status is null) on
     * the run's engine, within the contribution bounds of {@link #costs}. May create further scratch
     * tables (they die with the engine). Unprotected.
     */
    ProductAggregates aggregate(PipelineEngine engine);

    static ProductRun of(List<FamilyCost> costs, Function<PipelineEngine, ProductAggregates> aggregate) {
        List<FamilyCost> declared = List.copyOf(costs);
        return new ProductRun() {
            @Override
            public List<FamilyCost> costs() {
                return declared;
            }

            @Override
            public ProductAggregates aggregate(PipelineEngine engine) {
                return aggregate.apply(engine);
            }
        };
    }
}
