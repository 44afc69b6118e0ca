package io.crowdlens.pipeline.publish;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.protect.NoiseRecord;
import java.util.List;
import org.jooq.DSLContext;

/**
 * A product's protected figures (noised once, each reaching k), ready to be written with their
 * release. {@link ReleasePublisher} calls {@link #write} inside its one transaction, so a failure
 * anywhere leaves the serving database as it was.
 */
public interface PublishableAggregates {

    Dataset dataset();

    /** Figures stored. */
    long publishedRows();

    /** Figures of the public grids that did not reach k after noise. */
    default long suppressedRows() {
        return noise().stream().mapToLong(n -> n.gridCells() - n.storedCells()).sum();
    }

    /** What each of the product's figure families records about its noise and cost. */
    List<NoiseRecord> noise();

    /**
     * Writes the rows (and any reference geography of the product's own, such as sites) under the
     * new release. Tables holding release rows reference data_release with ON DELETE CASCADE, so
     * retention deletes them with their release.
     */
    void write(DSLContext serving, long releaseId, AreaIds areaIds);
}
