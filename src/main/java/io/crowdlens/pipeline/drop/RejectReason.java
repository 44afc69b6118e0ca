package io.crowdlens.pipeline.drop;

/** Why a row went to quarantine (docs/drop-format.md, "Validation and quarantine"). */
public enum RejectReason {
    MALFORMED("malformed"),
    EMPTY_DEVICE_ID("empty_device_id"),
    UNKNOWN_CELL("unknown_cell"),
    BAD_TIMESTAMP("bad_timestamp"),
    OUTSIDE_PERIOD("outside_period"),
    DUPLICATE("duplicate"),
    BAD_COORDINATES("bad_coordinates");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static RejectReason ofCode(String code) {
        for (RejectReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown reject reason " + code);
    }
}
