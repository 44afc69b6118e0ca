package io.crowdlens.pipeline.publish;

import io.crowdlens.common.Dataset;
import org.jooq.DSLContext;

/**
 * A product's protected rows (every one counts at least k devices), ready to be written with their
 * release. {@link ReleasePublisher} calls {@link #write} inside its one transaction, so a failure
 * anywhere leaves the serving database as it was.
 */
public interface PublishableAggregates {

    Dataset dataset();

    long publishedRows();

    long suppressedRows();

    /**
     * Writes the rows (and any reference geography of the product's own, such as sites) under the
     * new release. Tables holding release rows reference data_release with ON DELETE CASCADE, so
     * retention deletes them with their release.
     */
    void write(DSLContext serving, long releaseId, AreaIds areaIds);
}
