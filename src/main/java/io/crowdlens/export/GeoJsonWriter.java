package io.crowdlens.export;

import java.io.OutputStream;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams GeoJSON (RFC 7946): a FeatureCollection with one Feature per {@link #feature} call, or a
 * single Feature. Geometry comes as the stored GeoJSON text of an area, site or corridor and is
 * copied token by token, so a malformed stored geometry fails loudly instead of corrupting the
 * document. Nothing is kept per feature: memory stays flat however many features pass through.
 * The one GeoJSON writer for every output (API and views), as {@link CsvExportWriter} is for CSV.
 */
public final class GeoJsonWriter implements AutoCloseable {

    /** RFC 7946's media type. */
    public static final String MEDIA_TYPE = "application/geo+json";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final JsonGenerator out;
    private long features;

    private GeoJsonWriter(OutputStream target) {
        this.out = JSON.createGenerator(target);
    }

    /**
     * Opens a FeatureCollection. {@code members} are written before the features as foreign members
     * (RFC 7946 section 6.1), e.g. the release the features belong to.
     */
    public static GeoJsonWriter featureCollection(OutputStream target, Map<String, ?> members) {
        GeoJsonWriter writer = new GeoJsonWriter(target);
        writer.out.writeStartObject();
        writer.out.writeStringProperty("type", "FeatureCollection");
        writer.members(members);
        writer.out.writeName("features");
        writer.out.writeStartArray();
        return writer;
    }

    /** Writes one whole Feature as the document. */
    public static void singleFeature(OutputStream target, Object id, Map<String, ?> properties, String geometry) {
        GeoJsonWriter writer = new GeoJsonWriter(target);
        writer.writeFeature(id, properties, geometry);
        writer.out.close();
    }

    /** One feature of the collection: its id, its properties (strings, numbers, booleans, dates) and its geometry. */
    public void feature(Object id, Map<String, ?> properties, String geometry) {
        writeFeature(id, properties, geometry);
        features++;
    }

    public long features() {
        return features;
    }

    /** Closes the collection and flushes; the target stays open for its owner to close. */
    public void finish() {
        out.writeEndArray();
        out.writeEndObject();
        out.close();
    }

    @Override
    public void close() {
        if (!out.isClosed()) {
            out.close();
        }
    }

    private void writeFeature(Object id, Map<String, ?> properties, String geometry) {
        out.writeStartObject();
        out.writeStringProperty("type", "Feature");
        out.writeName("id");
        out.writePOJO(id);
        out.writeName("properties");
        out.writeStartObject();
        properties.forEach((name, value) -> {
            out.writeName(name);
            out.writePOJO(value);
        });
        out.writeEndObject();
        out.writeName("geometry");
        copyGeometry(geometry);
        out.writeEndObject();
    }

    private void members(Map<String, ?> members) {
        members.forEach((name, value) -> {
            out.writeName(name);
            out.writePOJO(value);
        });
    }

    private void copyGeometry(String geometry) {
        if (geometry == null) {
            out.writeNull();
            return;
        }
        try (JsonParser parser = JSON.createParser(geometry)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("stored geometry is not a GeoJSON object");
            }
            out.copyCurrentStructure(parser);
            if (parser.nextToken() != null) {
                throw new IllegalStateException("stored geometry has text after the GeoJSON object");
            }
        }
    }
}
