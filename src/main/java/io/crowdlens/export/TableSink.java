package io.crowdlens.export;

import java.io.IOException;
import java.util.List;

/**
 * One file format's way of writing the checked rows of an export. {@link CsvExportWriter} validates
 * each row and counts its figures, then hands it here; a sink never decides what is shown.
 */
interface TableSink {

    /** Writes what comes before the rows: metadata and the header. */
    void begin(ExportMetadata metadata, List<ExportColumn> columns) throws IOException;

    /** One validated row, one value per column. */
    void row(Object[] values) throws IOException;

    /** Writes what comes after the rows and flushes; the target stream stays open. */
    void finish() throws IOException;
}
