package io.crowdlens.pipeline;

import io.crowdlens.pipeline.protect.Protection;
import io.crowdlens.pipeline.publish.PublishableAggregates;

/** A product's aggregate rows as computed, before protection: only {@link #protect} may pass them on. */
public interface ProductAggregates {

    /** Rows computed, before protection. */
    long rows();

    /** Applies k (and rounding) to every row; rows below k are dropped, never stored. */
    PublishableAggregates protect(Protection protection);
}
