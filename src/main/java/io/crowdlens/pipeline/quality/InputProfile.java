package io.crowdlens.pipeline.quality;

import static io.crowdlens.pipeline.presence.ScratchTables.CELL_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.CLASSIFIED_EVENT;
import static io.crowdlens.pipeline.presence.ScratchTables.DEVICE_KEY;
import static io.crowdlens.pipeline.presence.ScratchTables.LOCAL_TIME;
import static io.crowdlens.pipeline.presence.ScratchTables.OPTED_OUT;
import static io.crowdlens.pipeline.presence.ScratchTables.RAW_EVENT;
import static io.crowdlens.pipeline.presence.ScratchTables.RAW_SOURCE_FILE;
import static io.crowdlens.pipeline.presence.ScratchTables.SOURCE_FILE;
import static io.crowdlens.pipeline.presence.ScratchTables.STATUS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;

import io.crowdlens.pipeline.drop.RejectReason;
import io.crowdlens.pipeline.engine.PipelineEngine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What the quality report needs from the engine after the events were classified: accepted events per
 * cell, accepted events and distinct devices per local day, and per event file the rows read and
 * rejected per reason. Counts only: no device id or key leaves the engine.
 *
 * @param eventsPerCell accepted events per cell key
 * @param days accepted events and devices per local day, in day order
 * @param files per event file (by name), in name order
 */
public record InputProfile(Map<String, Long> eventsPerCell, List<DayInput> days, List<FileInput> files) {

    /** Accepted events and distinct devices of one local day. */
    public record DayInput(LocalDate day, long events, long devices) {
    }

    /** One event file: rows the engine read from it (well-formed ones) and its rejects per reason. */
    public record FileInput(String file, long read, Map<RejectReason, Long> rejected) {
    }

    public InputProfile {
        eventsPerCell = Map.copyOf(eventsPerCell);
        days = List.copyOf(days);
        files = List.copyOf(files);
    }

    /**
     * @param dropDirectory file names are given relative to it
     * @param csvRows data rows of each CSV event file, counted by its lines before the run (empty: the
     *     engine counts the rows of every file, one more read of the events)
     * @param onlyCsv whether every event file is one of {@code csvRows}
     */
    public static InputProfile of(PipelineEngine engine, Path dropDirectory, Map<Path, Long> csvRows, boolean onlyCsv) {
        DSLContext sql = engine.sql();
        Map<String, Long> perCell = new HashMap<>();
        sql.select(CELL_KEY, count()).from(CLASSIFIED_EVENT).where(STATUS.isNull()).groupBy(CELL_KEY)
                .forEach(r -> perCell.put(r.value1(), r.value2().longValue()));
        Field<java.time.LocalDate> day = DSL.cast(LOCAL_TIME, SQLDataType.LOCALDATE).as("local_day");
        List<DayInput> days = sql.select(day, count(), countDistinct(DEVICE_KEY)).from(CLASSIFIED_EVENT)
                .where(STATUS.isNull()).groupBy(DSL.cast(LOCAL_TIME, SQLDataType.LOCALDATE))
                .fetch(r -> new DayInput(r.value1(), r.value2(), r.value3())).stream()
                .sorted(java.util.Comparator.comparing(DayInput::day)).toList();
        Map<String, Long> read = new TreeMap<>();
        if (onlyCsv && !csvRows.isEmpty()) {
            // counted by their lines already: no second read of the events
            csvRows.forEach((file, n) -> read.merge(name(dropDirectory, file.toString()), n, Long::sum));
        } else {
            sql.select(RAW_SOURCE_FILE, count()).from(RAW_EVENT).groupBy(RAW_SOURCE_FILE)
                    .forEach(r -> read.merge(name(dropDirectory, r.value1()), r.value2().longValue(), Long::sum));
        }
        Map<String, Map<RejectReason, Long>> rejected = new TreeMap<>();
        sql.select(SOURCE_FILE, STATUS, count()).from(CLASSIFIED_EVENT)
                .where(STATUS.isNotNull()).and(STATUS.ne(inline(OPTED_OUT)))
                .groupBy(SOURCE_FILE, STATUS)
                .forEach(r -> rejected.computeIfAbsent(name(dropDirectory, r.value1()), f -> new EnumMap<>(RejectReason.class))
                        .merge(RejectReason.ofCode(r.value2()), r.value3().longValue(), Long::sum));
        Map<String, FileInput> files = new TreeMap<>();
        read.forEach((file, n) -> files.put(file, new FileInput(file, n, rejected.getOrDefault(file, Map.of()))));
        rejected.forEach((file, reasons) -> files.putIfAbsent(file, new FileInput(file, 0, reasons)));
        return new InputProfile(perCell, days, List.copyOf(files.values()));
    }

    /** The same profile with every day of the period, days without any accepted event as 0. */
    public InputProfile withPeriod(LocalDate from, LocalDate to) {
        Map<LocalDate, DayInput> all = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            all.put(day, new DayInput(day, 0, 0));
        }
        days.forEach(d -> all.put(d.day(), d));
        return new InputProfile(eventsPerCell, List.copyOf(all.values()), files);
    }

    private static String name(Path dropDirectory, String source) {
        if (source == null || source.isBlank()) {
            return "(unknown file)";
        }
        Path file = Path.of(source);
        Path drop = dropDirectory == null ? null : dropDirectory.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return drop != null && absolute.startsWith(drop) ? drop.relativize(absolute).toString()
                : String.valueOf(file.getFileName());
    }
}
