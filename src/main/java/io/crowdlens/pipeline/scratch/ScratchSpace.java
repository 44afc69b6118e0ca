package io.crowdlens.pipeline.scratch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where runs keep per-device scratch files (DuckDB's spill files): one folder per run under one root,
 * each locked by its run ({@link RunLock}). A run deletes its folder when it ends; {@link #sweep()}
 * deletes the folders of runs that are no longer alive (killed, crashed, out of power), and every
 * pipeline run and every start of the portal or a command calls it. It says what it removed in sizes,
 * never in contents.
 */
public final class ScratchSpace {

    private static final Logger log = LoggerFactory.getLogger(ScratchSpace.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** What a sweep removed: one folder of a dead run. */
    public record Removed(Path folder, long files, long bytes) {
    }

    private final Path root;

    public ScratchSpace(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A new folder for one run, locked until {@link RunScratch#close()} deletes it. */
    public RunScratch open() {
        String name = "run-" + LocalDateTime.now().format(NAME) + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        Path folder = root.resolve(name);
        if (Files.exists(folder)) {
            throw new IllegalStateException("scratch folder " + folder + " already exists");
        }
        RunLock lock = RunLock.tryAcquire(folder)
                .orElseThrow(() -> new IllegalStateException("scratch folder " + folder + " is locked by another run"));
        return new RunScratch(folder, lock);
    }

    /** Deletes the scratch of every run that is no longer alive; returns what it removed. */
    public List<Removed> sweep() {
        List<Removed> removed = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return removed;
        }
        List<Path> folders;
        try (Stream<Path> children = Files.list(root)) {
            folders = children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            log.warn("Could not look for scratch of killed runs in {}: {}", root, e.getMessage());
            return removed;
        }
        for (Path folder : folders) {
            Optional<RunLock> lock;
            try {
                lock = RunLock.tryAcquire(folder);
            } catch (UncheckedIOException e) {
                log.warn("Could not check scratch folder {}: {}", folder, e.getMessage());
                continue;
            }
            if (lock.isEmpty()) {
                continue; // a live run's
            }
            try (RunLock held = lock.get()) {
                long[] size = size(folder);
                deleteContents(folder);
                removed.add(new Removed(folder, size[0], size[1]));
                log.warn("Removed the scratch folder of a run that is no longer alive: {} ({} files, {} bytes)",
                        folder, size[0], size[1]);
            } catch (UncheckedIOException e) {
                log.warn("Could not remove the scratch of a dead run in {}: {}", folder, e.getMessage());
                continue;
            }
            deleteIfEmpty(folder);
        }
        return removed;
    }

    /** [files, bytes] under a folder, the lock file left out. */
    private static long[] size(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            long[] size = new long[2];
            paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(RunLock.FILE)).forEach(p -> {
                size[0]++;
                try {
                    size[1] += Files.size(p);
                } catch (IOException ignored) {
                    // counted as 0 bytes
                }
            });
            return size;
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }

    /** Deletes everything under a folder but its lock file. */
    static void deleteContents(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder) && !p.equals(folder.resolve(RunLock.FILE))) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the run's scratch space " + folder, e);
        }
    }

    static void deleteIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder.resolve(RunLock.FILE));
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            log.warn("Could not remove the scratch folder {}: {}", folder, e.getMessage());
        }
    }

    /** One run's scratch folder, locked while it lives. */
    public static final class RunScratch implements AutoCloseable {

        private final Path folder;
        private final RunLock lock;

        RunScratch(Path folder, RunLock lock) {
            this.folder = folder;
            this.lock = lock;
        }

        public Path folder() {
            return folder;
        }

        /** Deletes what the run put here, then lets go of the lock and the folder. */
        @Override
        public void close() {
            try {
                deleteContents(folder);
            } finally {
                lock.close();
                deleteIfEmpty(folder);
            }
        }
    }
}
