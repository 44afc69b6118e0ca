package io.crowdlens.pipeline.drop;

/** The drop cannot be used at all: a missing file, an unreadable manifest, invalid GeoJSON. */
public class DropException extends RuntimeException {

    public DropException(String message) {
        super(message);
    }

    public DropException(String message, Throwable cause) {
        super(message, cause);
    }
}
