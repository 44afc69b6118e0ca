package io.crowdlens.pipeline.geography;

import io.crowdlens.pipeline.drop.DropException;
import io.crowdlens.pipeline.drop.DropLimits;
import io.crowdlens.pipeline.drop.JsonPositions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads areas.geojson: a FeatureCollection of Polygon / MultiPolygon features with properties id, name
 * and layer. Any defect fails the run with the file name and the position (line and column for syntax
 * errors, the JSON path of the offending member otherwise); a polygon that is not valid (its boundary
 * crosses itself, a hole outside its ring, ...) also names the feature's id and the place of the defect.
 */
public final class AreaReader {

    /** Longitude x, latitude y, WGS84 (GeoJSON's only coordinate system). */
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AreaReader() {
    }

    public static List<Area> read(Path file) {
        return read(file, DropLimits.DEFAULTS);
    }

    /**
     * The areas, within the limits: at most {@code maxAreas} features and {@code maxVerticesPerArea}
     * positions per feature (counted before any geometry is built); an area with more than
     * {@code displayVertices} positions is stored for display simplified to at most that many, while
     * cells are assigned with its exact shape.
     */
    public static List<Area> read(Path file, DropLimits limits) {
        String source = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new DropException("required file " + source + " is missing from the drop (" + file + ")");
        }
        JsonNode features = features(file);
        if (features.size() > limits.maxAreas()) {
            throw DropLimits.exceeded(source + " holds " + features.size() + " areas", "max-areas", limits.maxAreas() + " areas");
        }
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
            long positions = positions(geometry);
            if (positions > limits.maxVerticesPerArea()) {
                throw DropLimits.exceeded(source + " at " + at + ".geometry: area " + id + " has " + positions + " positions",
                        "max-vertices-per-area", limits.maxVerticesPerArea() + " positions");
            }
            Geometry shape = shape(source, geometry, at + ".geometry", "area " + id + " (" + name + ", layer " + layer + ")");
            String display = positions > limits.displayVertices() ? DisplayGeometry.of(shape, limits.displayVertices())
                    : JSON.writeValueAsString(geometry);
            areas.add(new Area(layer, id, name, display, shape));
        }
        return areas;
    }

    /** Positions in a geometry's coordinates, however deeply nested; 0 when it has none. */
    private static long positions(JsonNode geometry) {
        JsonNode coordinates = geometry == null ? null : geometry.get("coordinates");
        return coordinates == null ? 0 : countPositions(coordinates);
    }

    private static long countPositions(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return 0;
        }
        if (!node.get(0).isArray()) {
            return 1;
        }
        long n = 0;
        for (JsonNode child : node) {
            n += countPositions(child);
        }
        return n;
    }

    /**
     * The features of a GeoJSON FeatureCollection file (areas, sites, corridors); a syntax error or
     * another shape fails the run naming the file and the position. A declared coordinate system other
     * than WGS84 longitude/latitude is refused: positions in metres would match no cell.
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
        String crs = root.path("crs").path("properties").path("name").asString("");
        if (!crs.isEmpty() && !crs.toUpperCase(Locale.ROOT).matches(".*(CRS84|EPSG:+4326|EPSG::4326)$")) {
            throw invalid(source, "$.crs", "the file declares the coordinate system " + crs
                    + "; positions must be WGS84 longitude and latitude (CRS84 / EPSG:4326): reproject the file");
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            throw invalid(source, "$.features", "expected an array of features");
        }
        return features;
    }

    /**
     * The shape of a GeoJSON Polygon or MultiPolygon geometry, checked for validity; {@code at} is its
     * JSON path and {@code feature} names the feature, for the message naming the file, feature and
     * position of a defect. Other readers of GeoJSON (sites) use it too.
     */
    public static Geometry shape(String source, JsonNode geometry, String at, String feature) {
        if (geometry == null || !geometry.isObject()) {
            throw invalid(source, at, "geometry is missing");
        }
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            throw invalid(source, at + ".coordinates", "coordinates are missing");
        }
        Geometry shape = switch (type) {
            case "Polygon" -> WGS84.createMultiPolygon(new Polygon[] {polygon(source, coordinates, at + ".coordinates")});
            case "MultiPolygon" -> {
                if (coordinates.isEmpty()) {
                    throw invalid(source, at + ".coordinates", "a MultiPolygon needs at least one polygon");
                }
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int p = 0; p < coordinates.size(); p++) {
                    parts[p] = polygon(source, coordinates.get(p), at + ".coordinates[" + p + "]");
                }
                yield WGS84.createMultiPolygon(parts);
            }
            default -> throw invalid(source, at + ".type", "expected Polygon or MultiPolygon, found '" + type + "'");
        };
        TopologyValidationError error = new IsValidOp(shape).getValidationError();
        if (error != null) {
            throw invalid(source, at, feature + " is not a valid polygon: " + problem(error));
        }
        return shape.getNumGeometries() == 1 ? shape.getGeometryN(0) : shape;
    }

    private static String problem(TopologyValidationError error) {
        String what = switch (error.getErrorType()) {
            case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION ->
                    "its boundary crosses itself (self-intersection)";
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "a hole lies outside its outer ring";
            case TopologyValidationError.NESTED_HOLES -> "a hole lies inside another hole";
            case TopologyValidationError.DISCONNECTED_INTERIOR -> "its holes cut its interior into pieces";
            case TopologyValidationError.NESTED_SHELLS -> "one polygon of the MultiPolygon lies inside another";
            case TopologyValidationError.DUPLICATE_RINGS -> "a ring appears twice";
            case TopologyValidationError.TOO_FEW_POINTS -> "a ring has fewer than 3 distinct positions";
            default -> error.getMessage();
        };
        Coordinate at = error.getCoordinate();
        return at == null ? what : what + " at " + position(at.x, at.y);
    }

    static String position(double lon, double lat) {
        return String.format(Locale.ROOT, "[%.6f, %.6f]", lon, lat);
    }

    private static Polygon polygon(String source, JsonNode rings, String at) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw invalid(source, at, "a polygon needs at least its outer ring");
        }
        LinearRing[] parsed = new LinearRing[rings.size()];
        for (int r = 0; r < rings.size(); r++) {
            parsed[r] = ring(source, rings.get(r), at + "[" + r + "]");
        }
        LinearRing[] holes = new LinearRing[parsed.length - 1];
        System.arraycopy(parsed, 1, holes, 0, holes.length);
        return WGS84.createPolygon(parsed[0], holes);
    }

    private static LinearRing ring(String source, JsonNode positions, String at) {
        if (!positions.isArray() || positions.size() < 4) {
            throw invalid(source, at, "a linear ring needs at least 4 positions");
        }
        int n = positions.size();
        Coordinate[] ring = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            JsonNode position = positions.get(i);
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw invalid(source, at + "[" + i + "]", "a position is [longitude, latitude]");
            }
            double lon = position.get(0).asDouble();
            double lat = position.get(1).asDouble();
            checkRange(source, at + "[" + i + "]", lon, lat);
            ring[i] = new Coordinate(lon, lat);
        }
        if (!ring[0].equals2D(ring[n - 1])) {
            throw invalid(source, at, "the ring is not closed (first and last positions differ)");
        }
        return WGS84.createLinearRing(ring);
    }

    /**
     * Longitude in [-180, 180], latitude in [-90, 90]; a position far outside looks projected (metres),
     * one with only the latitude out of range looks swapped, and the message says so.
     */
    public static void checkRange(String source, String at, double lon, double lat) {
        if (Double.isFinite(lon) && Double.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) {
            return;
        }
        if (Math.abs(lon) > 1000 || Math.abs(lat) > 1000) {
            throw invalid(source, at, "longitude or latitude out of range: " + position(lon, lat)
                    + " looks projected (metres, e.g. UTM or Web Mercator); GeoJSON positions are WGS84"
                    + " [longitude, latitude] (EPSG:4326): reproject the file");
        }
        if (Math.abs(lat) > 90 && Math.abs(lon) <= 90) {
            throw invalid(source, at, "longitude or latitude out of range: " + position(lon, lat)
                    + " looks like [latitude, longitude]; GeoJSON positions are [longitude, latitude]");
        }
        throw invalid(source, at, "longitude or latitude out of range");
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
