package io.crowdlens.pipeline;

import io.crowdlens.pipeline.protect.Protection;
import io.crowdlens.pipeline.publish.PublishableAggregates;

/** A product's aggregate rows as computed, before protection: only {@link #protect} may pass them on. */
public interface ProductAggregates {

    /** Rows computed, before protection. */
    long rows();

    /** Noises every figure of the product's public grids and keeps those that reach k (Protection). */
    PublishableAggregates protect(Protection protection);
}
