package io.crowdlens.export;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where an export goes. A query service calls {@link #open} once, after it has checked licence scope
 * and k and decided the export may go ahead, with the file name it chose; it then streams the file
 * into the returned stream (and does not close it). A refused export never opens its target, so the
 * caller can still answer with an error.
 */
@FunctionalInterface
public interface ExportTarget {

    OutputStream open(String fileName) throws IOException;

    /** A target writing into {@code out} whatever the file name (tests, command line). */
    static ExportTarget into(OutputStream out) {
        return fileName -> out;
    }
}
