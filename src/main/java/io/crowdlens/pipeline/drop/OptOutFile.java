package io.crowdlens.pipeline.drop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.List;
import java.util.Set;

/**
 * An opt-out list read on the operator's machine, to register its arrival. Like a run, it refuses a
 * row it cannot read (skipping one would forget an opted-out device) and names the line.
 */
public final class OptOutFile {

    private OptOutFile() {
    }

    /**
     * What identifies a list's content without its ids: how many distinct devices, and the SHA-256 of
     * the distinct ids, sorted, one per line (so the order of rows and blanks around ids do not matter).
     */
    public record Content(long devices, String digest) {
    }

    /** Distinct device ids listed. The ids live only in this method's memory. */
    public static long countDevices(Path file) {
        return content(file).devices();
    }

    /** The list's size and digest. The ids live only in this method's memory. */
    public static Content content(Path file) {
        DropFiles.requireFile(file);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            List<String> columns = header == null ? null : Csv.fields(header.strip());
            int deviceColumn = columns == null ? -1 : columns.indexOf("device_id");
            if (deviceColumn < 0) {
                throw new DropException(file.getFileName() + ": line 1 must be a header with a device_id column");
            }
            Set<String> devices = new HashSet<>();
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = Csv.fields(line);
                if (fields == null || fields.size() <= deviceColumn || fields.get(deviceColumn).isBlank()) {
                    throw new DropException(file.getFileName() + ": line " + lineNumber
                            + " cannot be read as an opt-out (device_id missing or quotes unbalanced)");
                }
                devices.add(fields.get(deviceColumn).strip());
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String device : new TreeSet<>(devices)) {
                sha256.update((device + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return new Content(devices.size(), HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
