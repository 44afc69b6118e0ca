package io.crowdlens.pipeline.drop;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * quarantine/&lt;file&gt;.csv in the run's output folder: every rejected row of one input file with the
 * reason, the source file and the original row. Created on the first rejected row only.
 */
public final class QuarantineFile implements Closeable {

    public static final String HEADER = "reason,source_file,original_row";

    private final Path path;
    private BufferedWriter out;

    public QuarantineFile(Path quarantineDirectory, String inputName) {
        this.path = quarantineDirectory.resolve(inputName.replaceAll("\\.[a-z]+$", "") + ".csv");
    }

    public void reject(RejectReason reason, String sourceFile, String originalRow) {
        try {
            if (out == null) {
                Files.createDirectories(path.getParent());
                out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                out.write(HEADER);
                out.newLine();
            }
            out.write(Csv.line(List.of(reason.code(), sourceFile, originalRow)));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write quarantine file " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
