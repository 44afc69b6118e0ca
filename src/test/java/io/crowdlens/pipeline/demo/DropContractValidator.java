package io.crowdlens.pipeline.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Classifies event rows by the quarantine rules of docs/drop-format.md, in the order they are listed there. */
final class DropContractValidator {

    private final Set<String> cellKeys;
    private final ZoneId zone;
    private final LocalDate from;
    private final LocalDate to;
    private final Set<String> seen = new HashSet<>();
    private final Map<BadRowReason, Long> rejected = new EnumMap<>(BadRowReason.class);
    private long accepted;

    DropContractValidator(DemoDropFiles drop) {
        this.cellKeys = drop.cells().keySet();
        this.zone = drop.zone();
        this.from = drop.periodFrom();
        this.to = drop.periodTo();
        for (BadRowReason reason : BadRowReason.values()) {
            rejected.put(reason, 0L);
        }
    }

    void check(String row) {
        BadRowReason reason = reasonToReject(row);
        if (reason == null) {
            accepted++;
        } else {
            rejected.merge(reason, 1L, Long::sum);
        }
    }

    private BadRowReason reasonToReject(String row) {
        String[] fields = row.split(",", -1);
        if (fields.length != 3) {
            return BadRowReason.MALFORMED;
        }
        if (fields[0].isBlank()) {
            return BadRowReason.EMPTY_DEVICE_ID;
        }
        if (!cellKeys.contains(fields[1])) {
            return BadRowReason.UNKNOWN_CELL;
        }
        Instant instant = DemoDropFiles.instant(fields[2]);
        if (instant == null) {
            return BadRowReason.BAD_TIMESTAMP;
        }
        LocalDate localDate = instant.atZone(zone).toLocalDate();
        if (localDate.isBefore(from) || localDate.isAfter(to)) {
            return BadRowReason.OUTSIDE_PERIOD;
        }
        if (!seen.add(fields[0] + ',' + fields[1] + ',' + instant.toEpochMilli())) {
            return BadRowReason.DUPLICATE;
        }
        return null;
    }

    long accepted() {
        return accepted;
    }

    Map<BadRowReason, Long> rejected() {
        return rejected;
    }
}
