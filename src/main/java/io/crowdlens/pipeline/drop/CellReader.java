package io.crowdlens.pipeline.drop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads cells.csv in OpenCellID's layout (key mcc-net-area-cell) or the minimal layout
 * (cell_id,lat,lon[,range]). Numeric keys are held without leading zeros ({@link CellKeys}). An operator's own network has few enough cells to hold in memory.
 */
public final class CellReader {

    public record Cells(List<Cell> cells, FileCounts counts) {
    }

    private CellReader() {
    }

    public static Cells read(Path file, QuarantineFile quarantine) {
        String source = file.getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new DropException(source + " line 1: the header row is missing");
            }
            List<String> columns = Csv.fields(header.strip()).stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
            Function<List<String>, String> key = keyOf(columns, source);
            int lat = required(columns, "lat", source);
            int lon = required(columns, "lon", source);
            int range = columns.indexOf("range");

            List<Cell> cells = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
            long read = 0;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                read++;
                RejectReason reason = null;
                Cell cell = null;
                List<String> fields = Csv.fields(line);
                if (fields == null || fields.size() != columns.size()) {
                    reason = RejectReason.MALFORMED;
                } else {
                    String cellKey = key.apply(fields);
                    Double latitude = number(fields.get(lat));
                    Double longitude = number(fields.get(lon));
                    if (cellKey == null || latitude == null || longitude == null) {
                        reason = RejectReason.MALFORMED;
                    } else if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
                        reason = RejectReason.BAD_COORDINATES;
                    } else if (!seen.add(cellKey)) {
                        reason = RejectReason.DUPLICATE;
                    } else {
                        cell = new Cell(cellKey, latitude, longitude, range < 0 ? null : rangeOrNull(fields.get(range)));
                    }
                }
                if (reason == null) {
                    cells.add(cell);
                } else {
                    rejected.merge(reason, 1L, Long::sum);
                    quarantine.reject(reason, source, line);
                }
            }
            return new Cells(cells, new FileCounts("cells", read, cells.size(), 0, rejected));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static Function<List<String>, String> keyOf(List<String> columns, String source) {
        if (columns.contains("cell_id")) {
            int id = columns.indexOf("cell_id");
            return fields -> CellKeys.canonical(blankToNull(fields.get(id)));
        }
        if (columns.containsAll(List.of("mcc", "net", "area", "cell"))) {
            int mcc = columns.indexOf("mcc");
            int net = columns.indexOf("net");
            int area = columns.indexOf("area");
            int cell = columns.indexOf("cell");
            return fields -> {
                List<String> parts = List.of(fields.get(mcc).strip(), fields.get(net).strip(), fields.get(area).strip(),
                        fields.get(cell).strip());
                return parts.stream().anyMatch(String::isEmpty) ? null : CellKeys.canonical(String.join("-", parts));
            };
        }
        throw new DropException(source + " line 1: header has neither cell_id nor OpenCellID's mcc,net,area,cell columns");
    }

    private static int required(List<String> columns, String name, String source) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new DropException(source + " line 1: header lacks the column " + name);
        }
        return index;
    }

    private static Double number(String value) {
        try {
            double d = Double.parseDouble(value.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A range that is missing, not a number or not positive is unknown; the cell itself is still good. */
    private static Double rangeOrNull(String value) {
        Double metres = number(value);
        return metres == null || metres <= 0 ? null : metres;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
