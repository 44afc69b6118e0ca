package io.crowdlens.pipeline.visits;

import io.crowdlens.pipeline.geography.Area;
import io.crowdlens.pipeline.geography.AreaReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads sites.geojson (docs/drop-format.md): a FeatureCollection of Polygon / MultiPolygon features,
 * or Point features with a {@code radius} in metres, each with properties id, name and category. Any
 * defect fails the run with the file name and the position, as areas.geojson does.
 */
public final class SiteReader {

    static final int MAX_RADIUS_METRES = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SiteReader() {
    }

    public static List<Site> read(Path file) {
        String source = file.getFileName().toString();
        JsonNode features = AreaReader.features(file);
        List<Site> sites = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            String at = "$.features[" + i + "]";
            JsonNode properties = features.get(i).path("properties");
            String id = AreaReader.requiredText(source, properties, at + ".properties", "id");
            String name = AreaReader.requiredText(source, properties, at + ".properties", "name");
            String category = AreaReader.requiredText(source, properties, at + ".properties", "category");
            if (id.length() > 64 || name.length() > 200) {
                throw AreaReader.invalid(source, at + ".properties", "id (at most 64 characters) or name (at most 200) is too long");
            }
            if (!category.matches("[a-z][a-z0-9_]{0,39}")) {
                throw AreaReader.invalid(source, at + ".properties.category",
                        "category must be a lower-case code of up to 40 characters such as shopping_centre: " + category);
            }
            if (!ids.add(id)) {
                throw AreaReader.invalid(source, at + ".properties.id", "id " + id + " appears twice");
            }
            sites.add(site(source, features.get(i).get("geometry"), properties, at, id, name, category));
        }
        return sites;
    }

    private static Site site(String source, JsonNode geometry, JsonNode properties, String at, String id, String name,
            String category) {
        if (geometry == null || !geometry.isObject()) {
            throw AreaReader.invalid(source, at + ".geometry", "geometry is missing");
        }
        if (!"Point".equals(geometry.path("type").asString(""))) {
            return Site.polygon(id, name, category, new Area("site", id, name, JSON.writeValueAsString(geometry),
                    AreaReader.shape(source, geometry, at + ".geometry", "site " + id + " (" + name + ")")));
        }
        JsonNode position = geometry.get("coordinates");
        if (position == null || !position.isArray() || position.size() < 2 || !position.get(0).isNumber()
                || !position.get(1).isNumber()) {
            throw AreaReader.invalid(source, at + ".geometry.coordinates", "a position is [longitude, latitude]");
        }
        double lon = position.get(0).asDouble();
        double lat = position.get(1).asDouble();
        AreaReader.checkRange(source, at + ".geometry.coordinates", lon, lat);
        JsonNode radius = properties.get("radius");
        if (radius == null || !radius.isNumber() || radius.asDouble() < 1 || radius.asDouble() > MAX_RADIUS_METRES) {
            throw AreaReader.invalid(source, at + ".properties.radius",
                    "a Point site needs a radius in metres between 1 and " + MAX_RADIUS_METRES);
        }
        return Site.point(id, name, category, JSON.writeValueAsString(geometry), lat, lon,
                (int) Math.round(radius.asDouble()));
    }

}
