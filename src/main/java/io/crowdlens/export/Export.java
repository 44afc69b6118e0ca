package io.crowdlens.export;

import java.io.IOException;

/**
 * One export, as a view hands it to {@link io.crowdlens.export.ui.CsvDownload}: a call to the
 * dataset's query service that writes into the target, e.g.
 * {@code target -> presence.exportHeatmap(selection, target)}. It runs when the file is downloaded.
 */
@FunctionalInterface
public interface Export {

    /** Writes the export into {@code target}, or throws before opening it when refused. */
    ExportSummary writeTo(ExportTarget target) throws IOException;
}
