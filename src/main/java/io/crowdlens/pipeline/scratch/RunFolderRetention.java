package io.crowdlens.pipeline.scratch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention of what runs leave in the output directory that holds device ids: quarantine files (the
 * rejected rows as written, ids included) after {@code quarantine}, and the whole folder of a failed
 * run after {@code failedRuns}. Run reports of successful runs hold no ids and stay. Folders of live
 * runs (locked) are never touched; folders given with --output elsewhere are the operator's.
 */
public final class RunFolderRetention {

    private static final Logger log = LoggerFactory.getLogger(RunFolderRetention.class);

    private final Path outputDirectory;
    private final Duration quarantine;
    private final Duration failedRuns;

    public RunFolderRetention(Path outputDirectory, Duration quarantine, Duration failedRuns) {
        this.outputDirectory = outputDirectory;
        this.quarantine = quarantine;
        this.failedRuns = failedRuns;
    }

    /** Deletes what is past its retention; returns the paths deleted. */
    public List<Path> sweep(Instant now) {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(outputDirectory)) {
            return deleted;
        }
        List<Path> runs;
        try (Stream<Path> children = Files.list(outputDirectory)) {
            runs = children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            log.warn("Could not apply retention to {}: {}", outputDirectory, e.getMessage());
            return deleted;
        }
        for (Path run : runs) {
            Optional<RunLock> lock = RunLock.tryAcquire(run);
            if (lock.isEmpty()) {
                continue; // a live run's
            }
            try (RunLock held = lock.get()) {
                Path report = run.resolve("run-report.txt");
                Instant ended = lastModified(Files.exists(report) ? report : run);
                if (failed(report) && ended.plus(failedRuns).isBefore(now)) {
                    ScratchSpace.deleteContents(run);
                    deleted.add(run);
                    log.info("Deleted the folder of a run that failed on {} (retention {})", ended, failedRuns);
                } else if (Files.isDirectory(run.resolve("quarantine")) && ended.plus(quarantine).isBefore(now)) {
                    deleteTree(run.resolve("quarantine"));
                    deleted.add(run.resolve("quarantine"));
                    log.info("Deleted the quarantine of the run of {} in {} (retention {})", ended, run, quarantine);
                }
            }
            if (deleted.contains(run)) {
                ScratchSpace.deleteIfEmpty(run);
            } else {
                try {
                    Files.deleteIfExists(run.resolve(RunLock.FILE));
                } catch (IOException ignored) {
                    // an empty lock file is harmless
                }
            }
        }
        return deleted;
    }

    private static boolean failed(Path report) {
        try {
            return Files.exists(report) && Files.readString(report, StandardCharsets.UTF_8).startsWith("FAILED");
        } catch (IOException e) {
            return false;
        }
    }

    private static Instant lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", folder, e.getMessage());
        }
    }
}
