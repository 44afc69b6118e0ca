package io.crowdlens.pipeline.drop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where each file of a drop lives (docs/drop-format.md). Missing required files fail the run here. */
public record DropFiles(Path directory, Path manifest, Path cells, List<Path> events, Path optOuts, Path areas) {

    public static DropFiles in(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new DropException("drop directory " + directory + " does not exist");
        }
        return new DropFiles(directory,
                requireFile(directory.resolve("manifest.json")),
                requireFile(directory.resolve("cells.csv")),
                eventFiles(directory),
                requireFile(directory.resolve("optouts.csv")),
                requireFile(directory.resolve("areas.geojson")));
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
