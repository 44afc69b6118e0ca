package io.crowdlens.api;

import io.crowdlens.export.GeoJsonWriter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * JSON, GeoJSON or CSV: chosen by the {@code format} parameter when given, else by the Accept header
 * (highest quality first; a wildcard means JSON). A format the endpoint does not offer is refused
 * (400 for the parameter, 406 for the header).
 */
enum ApiFormats {
    JSON("json"), GEOJSON("geojson"), CSV("csv");

    static final MediaType GEO_JSON = MediaType.parseMediaType(GeoJsonWriter.MEDIA_TYPE);
    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    static final String CSV_MEDIA_TYPE = "text/csv";
    static final String NOT_ACCEPTABLE = "This endpoint answers in application/json, application/geo+json where "
            + "it gives places, or text/csv where it gives figures the portal exports; ask for one of them (Accept "
            + "header or format parameter).";

    private final String parameter;

    ApiFormats(String parameter) {
        this.parameter = parameter;
    }

    static ApiFormats choose(String format, String accept, boolean geoJsonAvailable) {
        return choose(format, accept, geoJsonAvailable ? EnumSet.of(JSON, GEOJSON) : EnumSet.of(JSON));
    }

    static ApiFormats choose(String format, String accept, Set<ApiFormats> offered) {
        if (format != null) {
            ApiFormats chosen = null;
            for (ApiFormats candidate : values()) {
                if (candidate.parameter.equals(format.toLowerCase(Locale.ROOT))) {
                    chosen = candidate;
                }
            }
            if (chosen == null || !offered.contains(chosen)) {
                throw new ApiProblemException(ApiProblem.INVALID_PARAMETER, "Parameter 'format' must be "
                        + choicesOf(offered) + ".");
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
            boolean specific = !type.isWildcardType() && !type.isWildcardSubtype();
            if (offered.contains(GEOJSON) && specific && type.isCompatibleWith(GEO_JSON)) {
                return GEOJSON;
            }
            if (offered.contains(CSV) && specific && type.isCompatibleWith(TEXT_CSV)) {
                return CSV;
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return JSON;
            }
        }
        throw new ApiProblemException(ApiProblem.NOT_ACCEPTABLE, NOT_ACCEPTABLE);
    }

    /** "json", "json or geojson", "json, geojson or csv". */
    private static String choicesOf(Set<ApiFormats> offered) {
        List<String> names = offered.stream().sorted().map(f -> f.parameter).toList();
        if (names.size() == 1) {
            return names.getFirst();
        }
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                + names.getLast();
    }
}
