package io.crowdlens.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * Where an export goes. A query service calls {@link #open} once, after it has checked licence scope
 * and k and decided the export may go ahead, with the file name it chose; it then streams the file
 * into the returned stream (and does not close it). A refused export never opens its target, so the
 * caller can still answer with an error.
 *
 * <p>The target also says which {@link #format} the file is written in (CSV unless said otherwise), and
 * for GeoJSON where each row's geometry comes from ({@link #geometryOf}): the rows themselves are the
 * same checked rows whatever the format (decision 030).
 */
@FunctionalInterface
public interface ExportTarget {

    OutputStream open(String fileName) throws IOException;

    /** The format to write; the file name given to {@link #open} carries its extension. */
    default ExportFormat format() {
        return ExportFormat.CSV;
    }

    /**
     * GeoJSON only: the stored GeoJSON geometry of the unit a row describes, looked up by the row's
     * first cell (an area id), or null for a feature without geometry.
     */
    default String geometryOf(Object rowKey) {
        return null;
    }

    /** A target writing into {@code out} whatever the file name (tests, command line). */
    static ExportTarget into(OutputStream out) {
        return fileName -> out;
    }

    /** {@code opener} writing {@code format}. */
    static ExportTarget as(ExportFormat format, ExportTarget opener) {
        return as(format, key -> null, opener);
    }

    /** {@code opener} writing {@code format}, with the geometries GeoJSON features take (by row key). */
    static ExportTarget as(ExportFormat format, Function<Object, String> geometries, ExportTarget opener) {
        return new ExportTarget() {
            @Override
            public OutputStream open(String fileName) throws IOException {
                return opener.open(fileName);
            }

            @Override
            public ExportFormat format() {
                return format;
            }

            @Override
            public String geometryOf(Object rowKey) {
                return geometries.apply(rowKey);
            }
        };
    }
}
