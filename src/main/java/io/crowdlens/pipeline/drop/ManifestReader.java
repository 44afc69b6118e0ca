package io.crowdlens.pipeline.drop;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and checks manifest.json. */
public final class ManifestReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ManifestReader() {
    }

    public static Manifest read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(DropFiles.requireFile(file).toFile());
        } catch (JacksonException e) {
            throw new DropException("invalid JSON in " + file.getFileName() + " at " + JsonPositions.of(e) + ": " + JsonPositions.problem(e), e);
        }
        String dropId = text(file, root, "dropId", true);
        LocalDate from = date(file, root, "periodFrom");
        LocalDate to = date(file, root, "periodTo");
        if (to.isBefore(from)) {
            throw new DropException(file.getFileName() + " field periodTo: " + to + " is before periodFrom " + from);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(text(file, root, "timeZone", true));
        } catch (DateTimeException e) {
            throw new DropException(file.getFileName() + " field timeZone: not an IANA time zone id: " + e.getMessage());
        }
        String optOutVersion = text(file, root, "optOutListVersion", true);
        int resolution = Manifest.DEFAULT_H3_RESOLUTION;
        JsonNode res = root.get("h3Resolution");
        if (res != null && !res.isNull()) {
            if (!res.isIntegralNumber() || res.asInt() < 0 || res.asInt() > 15) {
                throw new DropException(file.getFileName() + " field h3Resolution: must be an integer 0-15, was " + res);
            }
            resolution = res.asInt();
        }
        return new Manifest(dropId, from, to, zone, optOutVersion, resolution, expectedRows(file, root));
    }

    private static Map<String, Long> expectedRows(Path file, JsonNode root) {
        JsonNode expected = root.get("expectedRows");
        if (expected == null || expected.isNull()) {
            return Map.of();
        }
        if (!expected.isObject()) {
            throw new DropException(file.getFileName() + " field expectedRows: must be an object such as {\"events\": 1000}");
        }
        Map<String, Long> rows = new HashMap<>();
        for (String input : expected.propertyNames()) {
            JsonNode count = expected.get(input);
            if (!count.isIntegralNumber() || count.asLong() < 0) {
                throw new DropException(file.getFileName() + " field expectedRows." + input + ": must be a whole number");
            }
            rows.put(input, count.asLong());
        }
        return rows;
    }

    private static String text(Path file, JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            if (required) {
                throw new DropException(file.getFileName() + " field " + field + ": required text is missing");
            }
            return null;
        }
        return node.asString();
    }

    private static LocalDate date(Path file, JsonNode root, String field) {
        String value = text(file, root, field, true);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new DropException(file.getFileName() + " field " + field + ": not an ISO date (yyyy-mm-dd): " + value);
        }
    }
}
