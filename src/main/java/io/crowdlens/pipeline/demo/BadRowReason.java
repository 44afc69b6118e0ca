package io.crowdlens.pipeline.demo;

/** The quarantine reasons of docs/drop-format.md for which the generator plants event rows. */
public enum BadRowReason {
    MALFORMED("malformed"),
    EMPTY_DEVICE_ID("empty_device_id"),
    UNKNOWN_CELL("unknown_cell"),
    BAD_TIMESTAMP("bad_timestamp"),
    OUTSIDE_PERIOD("outside_period"),
    DUPLICATE("duplicate");

    private final String code;

    BadRowReason(String code) {
        this.code = code;
    }

    /** The reason exactly as the pipeline writes it in its quarantine files. */
    public String code() {
        return code;
    }
}
