package io.crowdlens.pipeline.drop;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Rows read from one kind of input, and what became of them. */
public record FileCounts(String input, long read, long accepted, long optedOut, Map<RejectReason, Long> rejected) {

    public FileCounts {
        rejected = Collections.unmodifiableMap(new EnumMap<>(rejected.isEmpty() ? new EnumMap<>(RejectReason.class) : rejected));
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    public double rejectRate() {
        return read == 0 ? 0 : (double) rejectedTotal() / read;
    }
}
