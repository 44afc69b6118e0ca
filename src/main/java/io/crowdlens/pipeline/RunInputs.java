package io.crowdlens.pipeline;

import io.crowdlens.pipeline.drop.Cell;
import io.crowdlens.pipeline.drop.DropFiles;
import io.crowdlens.pipeline.drop.Manifest;
import io.crowdlens.pipeline.engine.ProgressListener;
import io.crowdlens.pipeline.geography.Geography;
import java.nio.file.Path;
import java.util.List;

/**
 * What every product of a run may read: the drop's files, its manifest, the valid cells and the
 * reference geography, where to write quarantine files, and where to report progress.
 */
public record RunInputs(DropFiles files, Manifest manifest, List<Cell> cells, Geography geography,
        Path quarantineDirectory, ProgressListener progress) {

    public RunInputs {
        cells = List.copyOf(cells);
    }
}
