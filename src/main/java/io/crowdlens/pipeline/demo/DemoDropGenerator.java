package io.crowdlens.pipeline.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a synthetic drop in the format of docs/drop-format.md (see docs/demo-drop.md): a
 * plausible metro, its devices' events streamed to disk device by device, opt-outs and a counted
 * share of deliberately bad rows. Deterministic: the same spec gives byte-identical CSV files.
 */
public final class DemoDropGenerator {

    /** Events files are cut at a device boundary once they hold this many rows. */
    static final long ROWS_PER_EVENTS_FILE = 2_000_000;
    private static final int PROGRESS_EVERY_DEVICES = 1_000;

    private DemoDropGenerator() {
    }

    /**
     * Generates a drop into {@code dropDir}, which must be missing or empty.
     *
     * @throws IllegalArgumentException when {@code dropDir} holds files already
     * @throws UncheckedIOException     when a file cannot be written
     */
    public static DemoDropSummary write(DemoDropSpec spec, Path dropDir, DemoDropProgress progress) {
        try {
            return new Run(spec, dropDir, progress).write();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo drop to " + dropDir, e);
        }
    }

    public static DemoDropSummary write(DemoDropSpec spec, Path dropDir) {
        return write(spec, dropDir, DemoDropProgress.NONE);
    }

    private static final class Run {

        private final DemoDropSpec spec;
        private final Path dropDir;
        private final DemoDropProgress progress;
        private final MetroMap metro;
        private final PeriodClock clock;
        private final Map<String, Long> rowsPerFile = new LinkedHashMap<>();

        Run(DemoDropSpec spec, Path dropDir, DemoDropProgress progress) {
            this.spec = spec;
            this.dropDir = dropDir;
            this.progress = progress;
            this.metro = MetroLayout.build(spec.seed(), spec.cellsLayout());
            this.clock = new PeriodClock(spec.firstDay(), spec.days(), spec.zone());
        }

        DemoDropSummary write() throws IOException {
            long started = System.nanoTime();
            prepareEmptyDirectory();
            Files.createDirectories(dropDir.resolve("events"));
            rowsPerFile.put("cells.csv", ReferenceFiles.writeCells(dropDir.resolve("cells.csv"), metro, spec.cellsLayout()));
            ReferenceFiles.writeAreas(dropDir.resolve("areas.geojson"), metro);
            ReferenceFiles.writeSites(dropDir.resolve("sites.geojson"), metro);
            ReferenceFiles.writeCorridors(dropDir.resolve("corridors.geojson"), metro);
            EventRows rows = new EventRows(clock, metro.cells(), spec.cellsLayout(), spec.format(), spec.badRowShare());
            int optOuts = writeEventsAndOptOuts(rows);
            String dropId = ReferenceFiles.dropId(spec);
            ReferenceFiles.writeManifest(dropDir.resolve("manifest.json"), spec, dropId, rows.rowsWritten(),
                    metro.cells().size());
            return new DemoDropSummary(dropDir, dropId, spec.devices(), metro.cells().size(), metro.districts().size(),
                    metro.sites().size(), metro.corridors().size(), optOuts, rows.goodEvents(), rows.badRows(),
                    rowsPerFile, Duration.ofNanos(System.nanoTime() - started));
        }

        private void prepareEmptyDirectory() throws IOException {
            Files.createDirectories(dropDir);
            try (Stream<Path> entries = Files.list(dropDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("The drop directory " + dropDir + " is not empty");
                }
            }
        }

        private int writeEventsAndOptOuts(EventRows rows) throws IOException {
            DevicePopulation population = new DevicePopulation(metro, spec);
            DailyRoutine routine = new DailyRoutine(metro, population.shoppingCentres(), rows);
            int optOuts = 0;
            int fileNumber = 0;
            long rowsBeforeFile = 0;
            Path eventsFile = eventsCsv(fileNumber);
            AsciiOut events = open(eventsFile);
            events.bytes(EventRows.HEADER);
            boolean complete = false;
            try (AsciiOut optOutFile = open(dropDir.resolve("optouts.csv"))) {
                optOutFile.bytes("device_id,received_on\n".getBytes(StandardCharsets.US_ASCII));
                for (int index = 0; index < spec.devices(); index++) {
                    if (rows.rowsWritten() - rowsBeforeFile >= ROWS_PER_EVENTS_FILE) {
                        finish(events, eventsFile, rows.rowsWritten() - rowsBeforeFile);
                        rowsBeforeFile = rows.rowsWritten();
                        eventsFile = eventsCsv(++fileNumber);
                        events = open(eventsFile);
                        events.bytes(EventRows.HEADER);
                    }
                    SplittableRandom random = new SplittableRandom(deviceSeed(index));
                    DeviceProfile device = population.device(index, random);
                    if (device.optedOut()) {
                        optOuts++;
                        writeOptOut(optOutFile, device);
                    }
                    rows.startDevice(events, device, random);
                    for (int day = 0; day < spec.days(); day++) {
                        rows.startDay(day);
                        routine.live(device, clock.date(day).getDayOfWeek(), random);
                    }
                    if ((index + 1) % PROGRESS_EVERY_DEVICES == 0 || index + 1 == spec.devices()) {
                        progress.devicesWritten(index + 1, spec.devices(), rows.rowsWritten());
                    }
                }
                complete = true;
            } finally {
                if (!complete) {
                    events.close();
                }
            }
            finish(events, eventsFile, rows.rowsWritten() - rowsBeforeFile);
            rowsPerFile.put("optouts.csv", (long) optOuts);
            return optOuts;
        }

        private void finish(AsciiOut events, Path csv, long rowCount) throws IOException {
            events.close();
            Path written = csv;
            if (spec.format() == DemoDropFormat.PARQUET) {
                written = csv.resolveSibling(csv.getFileName().toString().replace(".csv", ".parquet"));
                ParquetConverter.convert(csv, written);
            }
            rowsPerFile.put("events/" + written.getFileName(), rowCount);
        }

        private void writeOptOut(AsciiOut out, DeviceProfile device) {
            out.bytes(device.id());
            out.ascii(',');
            LocalDate receivedOn = device.optOutReceivedOn();
            out.decimal(receivedOn.getYear());
            out.ascii('-');
            out.twoDigits(receivedOn.getMonthValue());
            out.ascii('-');
            out.twoDigits(receivedOn.getDayOfMonth());
            out.newline();
        }

        private Path eventsCsv(int number) {
            return dropDir.resolve("events").resolve("events-" + MetroLayout.pad4(number) + ".csv");
        }

        private long deviceSeed(int index) {
            return spec.seed() * 0x9E3779B97F4A7C15L + index;
        }

        private static AsciiOut open(Path file) throws IOException {
            OutputStream out = Files.newOutputStream(file);
            return new AsciiOut(out);
        }
    }
}
