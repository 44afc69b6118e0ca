package io.crowdlens.pipeline.geography;

import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.drop.JsonPositions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads areas.geojson: a FeatureCollection of Polygon / MultiPolygon features with properties id, name
 * and layer. Any defect fails the run with the file name and the position (line and column for syntax
 * errors, the JSON path of the offending member otherwise).
 */
public final class AreaReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AreaReader() {
    }

    public static List<Area> read(Path file) {
        String source = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new DropException("required file " + source + " is missing from the drop (" + file + ")");
        }
        JsonNode features = features(file);
        List<Area> areas = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            String at = "$.features[" + i + "]";
            JsonNode feature = features.get(i);
            JsonNode properties = feature.path("properties");
            String id = requiredText(source, properties, at + ".properties", "id");
            String name = requiredText(source, properties, at + ".properties", "name");
            String layer = requiredText(source, properties, at + ".properties", "layer");
            if (!layer.matches("[a-z][a-z0-9_-]{0,39}") || layer.matches("h3r[0-9]+")) {
                throw invalid(source, at + ".properties.layer",
                        "layer must be a lower-case code of up to 40 characters and not an H3 layer name: " + layer);
            }
            if (!ids.add(layer + "/" + id)) {
                throw invalid(source, at + ".properties.id", "id " + id + " appears twice in layer " + layer);
            }
            JsonNode geometry = feature.get("geometry");
            List<Polygon> polygons = polygons(source, geometry, at + ".geometry");
            areas.add(new Area(layer, id, name, JSON.writeValueAsString(geometry), polygons));
        }
        return areas;
    }

    /**
     * The features of a GeoJSON FeatureCollection file (areas, sites, corridors); a syntax error or
     * another shape fails the run naming the file and the position.
     */
    public static JsonNode features(Path file) {
        String source = file.getFileName().toString();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new DropException("invalid GeoJSON in " + source + " at " + JsonPositions.of(e) + ": " + JsonPositions.problem(e), e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asString(null))) {
            throw invalid(source, "$.type", "expected a FeatureCollection");
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            throw invalid(source, "$.features", "expected an array of features");
        }
        return features;
    }

    /**
     * The polygons of a GeoJSON Polygon or MultiPolygon geometry; {@code at} is its JSON path, for the
     * message naming the file and position of a defect. Other readers of GeoJSON (sites) use it too.
     */
    public static List<Polygon> polygons(String source, JsonNode geometry, String at) {
        if (geometry == null || !geometry.isObject()) {
            throw invalid(source, at, "geometry is missing");
        }
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            throw invalid(source, at + ".coordinates", "coordinates are missing");
        }
        return switch (type) {
            case "Polygon" -> List.of(polygon(source, coordinates, at + ".coordinates"));
            case "MultiPolygon" -> {
                if (coordinates.isEmpty()) {
                    throw invalid(source, at + ".coordinates", "a MultiPolygon needs at least one polygon");
                }
                List<Polygon> parts = new ArrayList<>();
                for (int p = 0; p < coordinates.size(); p++) {
                    parts.add(polygon(source, coordinates.get(p), at + ".coordinates[" + p + "]"));
                }
                yield parts;
            }
            default -> throw invalid(source, at + ".type", "expected Polygon or MultiPolygon, found '" + type + "'");
        };
    }

    private static Polygon polygon(String source, JsonNode rings, String at) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw invalid(source, at, "a polygon needs at least its outer ring");
        }
        List<Ring> parsed = new ArrayList<>();
        for (int r = 0; r < rings.size(); r++) {
            parsed.add(ring(source, rings.get(r), at + "[" + r + "]"));
        }
        return new Polygon(parsed.getFirst(), parsed.subList(1, parsed.size()));
    }

    private static Ring ring(String source, JsonNode positions, String at) {
        if (!positions.isArray() || positions.size() < 4) {
            throw invalid(source, at, "a linear ring needs at least 4 positions");
        }
        int n = positions.size();
        double[] lons = new double[n];
        double[] lats = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode position = positions.get(i);
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw invalid(source, at + "[" + i + "]", "a position is [longitude, latitude]");
            }
            lons[i] = position.get(0).asDouble();
            lats[i] = position.get(1).asDouble();
            if (lons[i] < -180 || lons[i] > 180 || lats[i] < -90 || lats[i] > 90) {
                throw invalid(source, at + "[" + i + "]", "longitude or latitude out of range");
            }
        }
        if (lons[0] != lons[n - 1] || lats[0] != lats[n - 1]) {
            throw invalid(source, at, "the ring is not closed (first and last positions differ)");
        }
        return new Ring(lons, lats);
    }

    public static String requiredText(String source, JsonNode properties, String at, String field) {
        JsonNode value = properties.get(field);
        if (value == null || !(value.isString() || value.isNumber()) || value.asString().isBlank()) {
            throw invalid(source, at + "." + field, "required property '" + field + "' is missing");
        }
        return value.asString().strip();
    }

    public static DropException invalid(String source, String path, String problem) {
        return new DropException("invalid GeoJSON in " + source + " at " + path + ": " + problem);
    }
}
