package io.crowdlens.pipeline.commuting;

/** Which way a pass went along its corridor: OUTBOUND as the corridor's line is drawn (first to last position). */
public enum Direction {
    OUTBOUND,
    INBOUND;

    static Direction ofSign(int sign) {
        return sign > 0 ? OUTBOUND : INBOUND;
    }
}
