package io.crowdlens.pipeline;

import io.crowdlens.pipeline.drop.Cell;
import io.crowdlens.pipeline.drop.Csv;
import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.drop.DropFiles;
import io.crowdlens.pipeline.drop.FileCounts;
import io.crowdlens.pipeline.drop.Manifest;
import io.crowdlens.pipeline.drop.QuarantineFile;
import io.crowdlens.pipeline.drop.RejectReason;
import io.crowdlens.pipeline.engine.PipelineEngine;
import io.crowdlens.pipeline.geography.Geography;
import io.crowdlens.pipeline.presence.EventClassification;
import io.crowdlens.pipeline.presence.ScratchTables;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumMap;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.jooq.Cursor;
import org.jooq.Record5;

/**
 * The engine's part of a run before the products aggregate: stage the drop, classify its events
 * (quarantining rejects, removing opt-outs, re-keying devices). Holds the run's re-keying secret in memory only; it dies with this object.
 */
final class DropProcessing {

    private final PipelineEngine engine;
    private final Manifest manifest;
    private final String runKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));

    DropProcessing(PipelineEngine engine, Manifest manifest) {
        this.engine = engine;
        this.manifest = manifest;
    }

    /** Stages cells and opt-outs; returns how many devices are on the opt-out list. */
    long stage(DropFiles files, List<Cell> cells, Geography geography) {
        engine.stageCells(cells.stream().map(Cell::key).toList(), geography.cellAreas());
        return engine.stageOptOuts(files.optOuts());
    }

    FileCounts validateEvents(DropFiles files, Path quarantineDirectory) {
        try (QuarantineFile quarantine = new QuarantineFile(quarantineDirectory, "events.csv")) {
            engine.stageEvents(files.events(), quarantine);
            EventClassification classification = new EventClassification(engine.sql());
            engine.sql().execute(classification.createTable());
            engine.execute("Validating events", classification.classify(manifest, engine.runKey(runKey)));
            long malformed = engine.quarantineMalformedEvents(quarantine);
            rejectDuplicates(classification);
            quarantineRejected(classification, quarantine);
            FileCounts counts = eventCounts(classification, malformed, files.eventWarnings());
            if (files.eventRowsCounted() && counts.read() != files.eventRows()) {
                throw new DropException(String.format(Locale.ROOT, "events: the event files hold %,d rows by their lines,"
                        + " but the engine accounted for %,d (accepted, opted out or rejected); rows would be lost,"
                        + " so nothing is published (a quoted value spanning lines? the drop format is one row per line)",
                        files.eventRows(), counts.read()));
            }
            return counts;
        }
    }

    /** Quarantines every copy but the first of an event given more than once; cheap when there are none. */
    private void rejectDuplicates(EventClassification classification) {
        engine.execute("Looking for duplicate events", classification.findDuplicates());
        if (engine.sql().fetchValue(classification.duplicatedEvents()) > 0) {
            engine.execute("Quarantining duplicate events", classification.quarantineDuplicates(manifest, engine.runKey(runKey)));
            engine.sql().execute(classification.deleteDuplicatedCopies());
            engine.sql().execute(classification.keepOneOfEachDuplicate());
        }
    }

    private void quarantineRejected(EventClassification classification, QuarantineFile quarantine) {
        try (Cursor<Record5<String, String, String, String, String>> rows =
                engine.sql().fetchLazy(classification.rejectedRows().fetchSize(10_000))) {
            for (var row : rows) {
                String source = row.value2() == null ? "" : Path.of(row.value2()).getFileName().toString();
                quarantine.reject(RejectReason.ofCode(row.value1()), source,
                        Csv.line(Arrays.asList(nullToEmpty(row.value3()), nullToEmpty(row.value4()), nullToEmpty(row.value5()))));
            }
        }
    }

    private FileCounts eventCounts(EventClassification classification, long malformed, List<String> warnings) {
        Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
        if (malformed > 0) {
            rejected.put(RejectReason.MALFORMED, malformed);
        }
        long accepted = 0;
        long optedOut = 0;
        long read = malformed;
        for (var row : engine.sql().fetch(classification.statusCounts())) {
            long n = row.value2();
            read += n;
            if (row.value1() == null) {
                accepted = n;
            } else if (row.value1().equals(ScratchTables.OPTED_OUT)) {
                optedOut = n;
            } else {
                rejected.merge(RejectReason.ofCode(row.value1()), n, Long::sum);
            }
        }
        List<String> explanations = new java.util.ArrayList<>(warnings);
        explanations.addAll(withoutOffset(classification));
        return new FileCounts("events", read, accepted, optedOut, rejected, explanations);
    }

    /** Says what to write when timestamps lack only their offset (they are rejected as bad_timestamp). */
    private List<String> withoutOffset(EventClassification classification) {
        var found = engine.sql().fetchOne(classification.timestampsWithoutOffset());
        if (found == null || found.value1() == 0) {
            return List.of();
        }
        String example = found.value2().strip();
        String fixed;
        try {
            LocalDateTime local = LocalDateTime.parse(example.replace(' ', 'T'));
            fixed = local.atZone(manifest.timeZone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    + " if it is " + manifest.timeZone().getId() + " time";
        } catch (DateTimeParseException e) {
            fixed = example + "+01:00 (the offset of its zone at that time)";
        }
        return List.of(String.format(Locale.ROOT, "bad_timestamp: %d %s no UTC offset (e.g. %s), so %s not say which"
                        + " instant %s: write the offset, as in %s, or Z for UTC, or epoch milliseconds",
                found.value1(), found.value1() == 1 ? "timestamp has" : "timestamps have", example,
                found.value1() == 1 ? "it does" : "they do", found.value1() == 1 ? "it is" : "they are", fixed));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
