package io.crowdlens.pipeline.drop;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Rows read from one kind of input, and what became of them.
 *
 * @param explanations what the operator can do about some of the rejected rows, in one line each (e.g.
 *     timestamps that lack only their UTC offset)
 */
public record FileCounts(String input, long read, long accepted, long optedOut, Map<RejectReason, Long> rejected,
        List<String> explanations) {

    public FileCounts {
        rejected = Collections.unmodifiableMap(new EnumMap<>(rejected.isEmpty() ? new EnumMap<>(RejectReason.class) : rejected));
        explanations = List.copyOf(explanations);
    }

    public FileCounts(String input, long read, long accepted, long optedOut, Map<RejectReason, Long> rejected) {
        this(input, read, accepted, optedOut, rejected, List.of());
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    public double rejectRate() {
        return read == 0 ? 0 : (double) rejectedTotal() / read;
    }
}
