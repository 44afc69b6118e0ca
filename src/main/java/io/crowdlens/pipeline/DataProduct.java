package io.crowdlens.pipeline;

import io.crowdlens.common.Dataset;
import java.util.Optional;

/**
 * One dataset a run can publish: presence, visits, commuting. The runner validates the drop once;
 * then each product that applies aggregates the accepted events on the run's engine, the runner
 * protects every product's rows with k and publishes one release per product, all in one
 * transaction. Products know nothing of k: they hand back unprotected counts and say how to protect
 * and write them (PRIVACY.md rule 3 is applied by {@link io.crowdlens.pipeline.protect.Protection}).
 *
 * <p>A product is a Spring bean; everything it learns about one run lives in the {@link ProductRun}
 * that {@link #plan} returns, never in the bean.
 */
public interface DataProduct {

    Dataset dataset();

    /**
     * Reads and checks what this product needs from the drop (its reference files), before any event
     * is touched, so a bad file fails the run early and names itself. Empty when the drop does not
     * carry the product's files: the run then publishes no release of this dataset.
     */
    Optional<ProductRun> plan(RunInputs run);
}
