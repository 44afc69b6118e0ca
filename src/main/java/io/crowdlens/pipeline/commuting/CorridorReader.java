package io.crowdlens.pipeline.commuting;

import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.geography.AreaReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads corridors.geojson (docs/drop-format.md): a FeatureCollection of LineString features with
 * properties id, name and optional bufferMetres (default 500). Any defect fails the run with the file
 * name and the position (line and column for syntax errors, the JSON path otherwise), as areas.geojson does.
 */
public final class CorridorReader {

    public static final String FILE = "corridors.geojson";
    static final int DEFAULT_BUFFER_METRES = 500;
    static final int MAX_BUFFER_METRES = 5_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CorridorReader() {
    }

    public static List<Corridor> read(Path file) {
        String source = file.getFileName().toString();
        JsonNode features = AreaReader.features(file);
        List<Corridor> corridors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            String at = "$.features[" + i + "]";
            JsonNode properties = features.get(i).path("properties");
            String id = requiredText(source, properties, at + ".properties", "id");
            if (id.length() > 64) {
                throw invalid(source, at + ".properties.id", "id is longer than 64 characters");
            }
            if (!ids.add(id)) {
                throw invalid(source, at + ".properties.id", "id " + id + " appears twice");
            }
            String name = requiredText(source, properties, at + ".properties", "name");
            int buffer = buffer(source, properties.get("bufferMetres"), at + ".properties.bufferMetres");
            JsonNode geometry = features.get(i).get("geometry");
            double[][] line = line(source, geometry, at + ".geometry");
            corridors.add(new Corridor(id, name, buffer, line[0], line[1], JSON.writeValueAsString(geometry)));
        }
        return corridors;
    }

    private static int buffer(String source, JsonNode value, String at) {
        if (value == null || value.isNull()) {
            return DEFAULT_BUFFER_METRES;
        }
        if (!value.isNumber() || value.asDouble() <= 0 || value.asDouble() > MAX_BUFFER_METRES) {
            throw invalid(source, at, "bufferMetres must be a number of metres above 0 and at most " + MAX_BUFFER_METRES);
        }
        return (int) Math.round(value.asDouble());
    }

    /** [lons, lats] of a LineString with at least two distinct positions. */
    private static double[][] line(String source, JsonNode geometry, String at) {
        if (geometry == null || !geometry.isObject()) {
            throw invalid(source, at, "geometry is missing");
        }
        String type = geometry.path("type").asString("");
        if (!type.equals("LineString")) {
            throw invalid(source, at + ".type", "expected LineString, found '" + type + "'");
        }
        JsonNode positions = geometry.get("coordinates");
        if (positions == null || !positions.isArray() || positions.size() < 2) {
            throw invalid(source, at + ".coordinates", "a LineString needs at least 2 positions");
        }
        int n = positions.size();
        double[] lons = new double[n];
        double[] lats = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode position = positions.get(i);
            String here = at + ".coordinates[" + i + "]";
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw invalid(source, here, "a position is [longitude, latitude]");
            }
            lons[i] = position.get(0).asDouble();
            lats[i] = position.get(1).asDouble();
            if (lons[i] < -180 || lons[i] > 180 || lats[i] < -90 || lats[i] > 90) {
                throw invalid(source, here, "longitude or latitude out of range");
            }
        }
        if (CorridorGeometry.lengthMetres(lons, lats) == 0) {
            throw invalid(source, at + ".coordinates", "the line has no length (all positions are the same)");
        }
        return new double[][] {lons, lats};
    }

    private static String requiredText(String source, JsonNode properties, String at, String field) {
        JsonNode value = properties.get(field);
        if (value == null || !(value.isString() || value.isNumber()) || value.asString().isBlank()) {
            throw invalid(source, at + "." + field, "required property '" + field + "' is missing");
        }
        return value.asString().strip();
    }

    private static DropException invalid(String source, String path, String problem) {
        return new DropException("invalid GeoJSON in " + source + " at " + path + ": " + problem);
    }
}
