package io.crowdlens.pipeline.drop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the CSV event files once as bytes before the engine does (about a second per GB), so that a
 * hostile file fails with its file, line (or byte offset) and problem instead of an engine's internal
 * error, and so that the rows are counted from the files' line structure, independently of the engine:
 * the classification must account for exactly these (read = accepted + opted out + rejected).
 *
 * <p>Refused, with a one-line reason: UTF-16 (with or without byte order mark), compressed or other
 * binary content (NUL bytes), a header separated by another delimiter than ',', a header without
 * device_id, cell_id or ts, a line longer than the limit. An empty or header-only file is a warning;
 * all of them empty fails the run. Never quotes the file's content beyond its header's column names.
 */
public final class EventFileScan {

    /**
     * The result: data rows (non-empty lines after the header) of the CSV files, the event files that
     * hold rows (Parquet files always count as holding some), and what the operator should know.
     */
    public record Result(long rows, List<Path> filesWithRows, List<String> warnings, java.util.Map<Path, Long> csvRows) {

        public Result(long rows, List<Path> filesWithRows, List<String> warnings) {
            this(rows, filesWithRows, warnings, java.util.Map.of());
        }

        public Result {
            csvRows = java.util.Map.copyOf(csvRows);
        }
    }

    private static final List<String> REQUIRED = List.of("device_id", "cell_id", "ts");

    private EventFileScan() {
    }

    public static Result scan(DropFiles files, DropLimits limits) {
        long rows = 0;
        java.util.Map<Path, Long> csvRows = new java.util.HashMap<>();
        List<String> empty = new ArrayList<>();
        List<Path> withRows = new ArrayList<>(files.events().stream().filter(DropFiles::isParquet).toList());
        List<Path> csv = files.events().stream().filter(DropFiles::isCsv).toList();
        for (Path file : csv) {
            String name = files.directory().relativize(file).toString();
            long fileRows = rows(file, name, limits.maxLineBytes());
            csvRows.put(file, fileRows);
            if (fileRows == 0) {
                empty.add(name);
            } else {
                withRows.add(file);
            }
            rows += fileRows;
        }
        if (!csv.isEmpty() && empty.size() == csv.size() && csv.size() == files.events().size()) {
            throw new DropException("no event rows: every event file is empty or holds only its header ("
                    + String.join(", ", empty) + "); nothing to publish");
        }
        withRows.sort(null);
        return new Result(rows, withRows,
                empty.stream().map(f -> f + " holds no event rows (empty or header only)").toList(), csvRows);
    }

    /** Data rows of one CSV file; fails on content that is not comma-separated UTF-8 text. */
    static long rows(Path file, String name, int maxLineBytes) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            int n = in.readNBytes(buffer, 0, buffer.length);
            if (n <= 0) {
                return 0;
            }
            refuseByMagic(buffer, n, name);
            long line = 1;
            long offset = 0;
            long lineLength = 0;
            long nonEmptyLines = 0;
            boolean header = true;
            java.io.ByteArrayOutputStream headerBytes = new java.io.ByteArrayOutputStream();
            int start = startsWithUtf8Bom(buffer, n) ? 3 : 0;
            while (n > 0) {
                for (int i = start; i < n; i++, offset++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (lineLength > 0 && !(lineLength == 1 && buffer[Math.max(0, i - 1)] == '\r')) {
                            nonEmptyLines++;
                        }
                        if (header) {
                            checkHeader(headerBytes.toString(StandardCharsets.UTF_8), name);
                            header = false;
                        }
                        line++;
                        lineLength = 0;
                        continue;
                    }
                    if (b == 0) {
                        throw new DropException(name + " line " + line + " (byte offset " + (offset + start) + ") holds a NUL"
                                + " byte: binary content, not CSV text" + (looksUtf16(buffer, n) ? " (it looks like UTF-16:"
                                + " save it as UTF-8)" : ""));
                    }
                    if (++lineLength > maxLineBytes) {
                        throw DropLimits.exceeded(String.format(Locale.ROOT, "%s line %d is longer than %,d bytes", name,
                                line, maxLineBytes), "max-line-bytes", String.format(Locale.ROOT, "%,d bytes", maxLineBytes));
                    }
                    if (header) {
                        headerBytes.write(b);
                    }
                }
                start = 0;
                n = in.readNBytes(buffer, 0, buffer.length);
            }
            if (lineLength > 0) {
                nonEmptyLines++; // a last line without a newline is a row like any other
            }
            if (header) {
                checkHeader(headerBytes.toString(StandardCharsets.UTF_8), name);
            }
            return Math.max(0, nonEmptyLines - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name, e);
        }
    }

    private static void refuseByMagic(byte[] b, int n, String name) {
        String kind = null;
        if (n >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF))) {
            throw new DropException(name + " is UTF-16 text (byte order mark at byte 0); the drop format is UTF-8: save it as UTF-8");
        } else if (n >= 2 && b[0] == (byte) 0x1F && b[1] == (byte) 0x8B) {
            kind = "gzip-compressed";
        } else if (n >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            kind = "a zip archive";
        } else if (n >= 4 && b[0] == (byte) 0x28 && b[1] == (byte) 0xB5 && b[2] == (byte) 0x2F && b[3] == (byte) 0xFD) {
            kind = "zstd-compressed";
        } else if (n >= 4 && b[0] == 'P' && b[1] == 'A' && b[2] == 'R' && b[3] == '1') {
            kind = "a Parquet file";
        }
        if (kind != null) {
            throw new DropException(name + " is " + kind + ", not CSV text (byte offset 0)"
                    + (kind.startsWith("a Parquet") ? ": name it *.parquet" : ": unpack it into the drop"));
        }
        if (looksUtf16(b, n)) {
            throw new DropException(name + " is UTF-16 text (every other byte is NUL, from byte offset 0); the drop format"
                    + " is UTF-8: save it as UTF-8");
        }
    }

    /** NUL in every second byte of the first line: ASCII text written as UTF-16 without a byte order mark. */
    private static boolean looksUtf16(byte[] b, int n) {
        int checked = Math.min(n, 64) & ~1;
        if (checked < 8) {
            return false;
        }
        boolean evenNul = true;
        boolean oddNul = true;
        for (int i = 0; i < checked; i += 2) {
            evenNul &= b[i] == 0 && b[i + 1] != 0;
            oddNul &= b[i + 1] == 0 && b[i] != 0;
        }
        return evenNul || oddNul;
    }

    private static boolean startsWithUtf8Bom(byte[] b, int n) {
        return n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
    }

    private static void checkHeader(String header, String name) {
        String line = header.strip();
        if (line.indexOf(',') < 0) {
            for (char delimiter : new char[] {';', '\t', '|'}) {
                if (line.indexOf(delimiter) >= 0) {
                    throw new DropException(name + " line 1: the header is separated by "
                            + (delimiter == '\t' ? "tabs" : "'" + delimiter + "'") + ", not ','; the drop format is comma-separated");
                }
            }
        }
        List<String> fields = Csv.fields(line);
        List<String> columns = fields == null ? List.of() : fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        for (String required : REQUIRED) {
            if (!columns.contains(required)) {
                throw new DropException(name + " line 1: the header lacks the column " + required + " (it needs "
                        + String.join(", ", REQUIRED) + "; found " + columns.size() + " column" + (columns.size() == 1 ? "" : "s") + ")");
            }
        }
    }
}
