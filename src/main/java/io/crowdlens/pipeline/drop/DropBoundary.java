package io.crowdlens.pipeline.drop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drop as a closed world: every file it is read from must lie inside the drop directory once
 * symbolic links are resolved, so a link cannot make the pipeline read (and echo in a message) a
 * system file, or publish events from elsewhere. Operators who stage drops through links can allow
 * it (crowdlens.pipeline.limits.allow-links-out-of-drop); each such link is then logged.
 */
final class DropBoundary {

    private static final Logger log = LoggerFactory.getLogger(DropBoundary.class);

    private final Path directory;
    private final Path realDirectory;
    private final boolean allowLinksOut;

    DropBoundary(Path directory, boolean allowLinksOut) {
        this.directory = directory;
        this.allowLinksOut = allowLinksOut;
        try {
            this.realDirectory = directory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not resolve the drop directory " + directory, e);
        }
    }

    /** Refuses a file outside the drop, or one larger than {@code maxBytes}. */
    void check(Path file, long maxBytes, String setting) {
        String name = directory.relativize(file).toString();
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new DropException(name + " cannot be opened: " + e.getClass().getSimpleName());
        }
        if (!real.startsWith(realDirectory)) {
            if (!allowLinksOut) {
                throw new DropException(name + " is a link to a file outside the drop directory; the pipeline reads"
                        + " only files inside the drop (copy the file in, or allow links with"
                        + " crowdlens.pipeline.limits.allow-links-out-of-drop=true)");
            }
            log.warn("Drop file {} is a link to {} outside the drop; followed as crowdlens.pipeline.limits."
                    + "allow-links-out-of-drop allows", name, real);
        }
        long size;
        try {
            size = Files.size(real);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the size of " + file, e);
        }
        if (size > maxBytes) {
            throw DropLimits.exceeded(String.format(Locale.ROOT, "%s is %,d bytes", name, size), setting,
                    String.format(Locale.ROOT, "%,d bytes", maxBytes));
        }
    }
}
