package io.crowdlens.pipeline.drop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where each file of a drop lives (docs/drop-format.md). Missing required files fail the run here.
 *
 * @param eventRows data rows in the CSV event files as their line structure gives them (-1 until
 *     counted, see {@link EventFileScan}): the classification must account for exactly these
 * @param eventWarnings what the scan of the event files found that does not fail the run
 */
public record DropFiles(Path directory, Path manifest, Path cells, List<Path> events, Path optOuts, Path areas,
        long eventRows, List<String> eventWarnings) {

    public DropFiles {
        events = List.copyOf(events);
        eventWarnings = List.copyOf(eventWarnings);
    }

    public DropFiles(Path directory, Path manifest, Path cells, List<Path> events, Path optOuts, Path areas) {
        this(directory, manifest, cells, events, optOuts, areas, -1, List.of());
    }

    public static DropFiles in(Path directory) {
        return in(directory, DropLimits.DEFAULTS);
    }

    /**
     * The drop's files, checked as a closed world: a file that is a symbolic link to a place outside the
     * drop directory is refused (unless the limits allow it), and no file may be larger than its bound.
     */
    public static DropFiles in(Path directory, DropLimits limits) {
        if (!Files.isDirectory(directory)) {
            throw new DropException("drop directory " + directory + " does not exist");
        }
        DropFiles files = new DropFiles(directory,
                requireFile(directory.resolve("manifest.json")),
                requireFile(directory.resolve("cells.csv")),
                eventFiles(directory),
                requireFile(directory.resolve("optouts.csv")),
                requireFile(directory.resolve("areas.geojson")));
        DropBoundary boundary = new DropBoundary(directory, limits.allowLinksOutOfDrop());
        boundary.check(files.manifest(), limits.maxManifestBytes(), "max-manifest-bytes");
        for (Path reference : List.of(files.cells(), files.optOuts(), files.areas())) {
            boundary.check(reference, limits.maxReferenceFileBytes(), "max-reference-file-bytes");
        }
        for (Path event : files.events()) {
            boundary.check(event, limits.maxEventFileBytes(), "max-event-file-bytes");
        }
        for (String optional : List.of("sites.geojson", "corridors.geojson")) {
            Path file = directory.resolve(optional);
            if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                boundary.check(file, limits.maxReferenceFileBytes(), "max-reference-file-bytes");
            }
        }
        return files;
    }

    /** The drop after its event files were scanned: empty files are left out of what the engine reads. */
    public DropFiles withEventScan(EventFileScan.Result scan) {
        return new DropFiles(directory, manifest, cells, scan.filesWithRows(), optOuts, areas, scan.rows(), scan.warnings());
    }

    /** Whether every event file was counted by its lines (Parquet files are not). */
    public boolean eventRowsCounted() {
        return eventRows >= 0 && events.stream().noneMatch(DropFiles::isParquet);
    }

    /**
     * A drop whose events and opt-outs are elsewhere (tables of the trino engine): the manifest, cells and
     * areas are required; events is empty and optOuts is the folder's optouts.csv whether or not it exists.
     */
    public static DropFiles referenceFilesIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new DropException("drop directory " + directory + " does not exist");
        }
        return new DropFiles(directory,
                requireFile(directory.resolve("manifest.json")),
                requireFile(directory.resolve("cells.csv")),
                List.of(),
                directory.resolve("optouts.csv"),
                requireFile(directory.resolve("areas.geojson")));
    }

    public static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DropException("required file " + file.getFileName() + " is missing from the drop (" + file + ")");
        }
        return file;
    }

    /** The drop's event files: events/*.csv and *.parquet, or events.csv; none fails. */
    public static List<Path> eventFiles(Path directory) {
        Path folder = directory.resolve("events");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> events = files.filter(Files::isRegularFile)
                        .filter(f -> isCsv(f) || isParquet(f))
                        .sorted()
                        .toList();
                if (events.isEmpty()) {
                    throw new DropException("required events are missing: events/ holds no *.csv or *.parquet file");
                }
                return events;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path single = directory.resolve("events.csv");
        if (Files.isRegularFile(single)) {
            return List.of(single);
        }
        throw new DropException("required file events.csv (or folder events/) is missing from the drop (" + directory + ")");
    }

    public static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase().endsWith(".csv");
    }

    public static boolean isParquet(Path file) {
        return file.getFileName().toString().toLowerCase().endsWith(".parquet");
    }
}
