package io.crowdlens.api;

import io.crowdlens.export.GeoJsonWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * JSON or GeoJSON: chosen by the {@code format} parameter when given, else by the Accept header
 * (highest quality first; a wildcard means JSON). Anything else is refused with 406.
 */
enum ApiFormats {
    JSON, GEOJSON;

    static final MediaType GEO_JSON = MediaType.parseMediaType(GeoJsonWriter.MEDIA_TYPE);
    static final String NOT_ACCEPTABLE = "This endpoint answers in application/json, or application/geo+json where "
            + "it lists places; ask for one of them (Accept header or format parameter).";

    static ApiFormats choose(String format, String accept, boolean geoJsonAvailable) {
        if (format != null) {
            ApiFormats chosen = switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "geojson" -> GEOJSON;
                default -> throw new ApiProblemException(ApiProblem.INVALID_PARAMETER,
                        "Parameter 'format' must be json" + (geoJsonAvailable ? " or geojson." : "."));
            };
            if (chosen == GEOJSON && !geoJsonAvailable) {
                throw new ApiProblemException(ApiProblem.INVALID_PARAMETER, "Parameter 'format' must be json.");
            }
            return chosen;
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept).stream()
                    .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                    .toList();
        } catch (InvalidMediaTypeException malformed) {
            throw new ApiProblemException(ApiProblem.NOT_ACCEPTABLE, NOT_ACCEPTABLE);
        }
        for (MediaType type : accepted) {
            if (type.getQualityValue() <= 0) {
                continue;
            }
            if (geoJsonAvailable && type.isCompatibleWith(GEO_JSON) && !type.isWildcardType()
                    && !type.isWildcardSubtype()) {
                return GEOJSON;
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return JSON;
            }
        }
        throw new ApiProblemException(ApiProblem.NOT_ACCEPTABLE, NOT_ACCEPTABLE);
    }
}
