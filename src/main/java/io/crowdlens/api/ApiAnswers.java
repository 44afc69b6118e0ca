package io.crowdlens.api;

import io.crowdlens.export.GeoJsonWriter;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The two shapes a catalogue answer takes: a JSON record, or GeoJSON written by the export module's writer. */
final class ApiAnswers {

    /** The single refusal for an object the caller may not see, whether it exists elsewhere or nowhere. */
    static final String NOT_COVERED = "Your licence does not cover what you asked for.";

    private ApiAnswers() {
    }

    static ResponseEntity<Object> json(Object body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    static ResponseEntity<Object> featureCollection(Map<String, ?> members, Consumer<GeoJsonWriter> features) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        GeoJsonWriter writer = GeoJsonWriter.featureCollection(bytes, members);
        features.accept(writer);
        writer.finish();
        return geoJson(bytes.toByteArray());
    }

    static ResponseEntity<Object> feature(Object id, Map<String, ?> properties, String geometry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 * 1024);
        GeoJsonWriter.singleFeature(bytes, id, properties, geometry);
        return geoJson(bytes.toByteArray());
    }

    static ApiProblemException notCovered() {
        return new ApiProblemException(ApiProblem.FORBIDDEN, NOT_COVERED);
    }

    private static ResponseEntity<Object> geoJson(byte[] body) {
        return ResponseEntity.ok().contentType(ApiFormats.GEO_JSON)
                .header(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length)).body(body);
    }
}
