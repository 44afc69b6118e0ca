package io.crowdlens.api;

import io.crowdlens.api.FigureResponses.FigureValue;
import io.crowdlens.common.Figure;
import io.crowdlens.export.Export;
import io.crowdlens.export.ExportSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the figure endpoints share: the selection limits (ApiSettings), CSV written by the query
 * service's own export (the portal's file, through the export module's one CSV writer), and a figure's
 * GeoJSON properties.
 */
@Component
class FigureAnswers {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ApiSettings settings;

    FigureAnswers(ApiSettings settings) {
        this.settings = settings;
    }

    /** A period of days: first not after last, at most the configured number of days (422 beyond). */
    void period(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new ApiProblemException(ApiProblem.INVALID_PARAMETER, "Parameter 'from' must not be after 'to'.");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > settings.maxSelectionDays()) {
            throw new ApiProblemException(ApiProblem.SELECTION_TOO_LARGE, "A question covers at most "
                    + settings.maxSelectionDays() + " days (crowdlens.api.max-selection-days); ask for a shorter period.");
        }
    }

    void districts(int count) {
        if (count > settings.maxDistricts()) {
            throw new ApiProblemException(ApiProblem.SELECTION_TOO_LARGE, "A commuter matrix holds at most "
                    + settings.maxDistricts() + " districts (crowdlens.api.max-districts); choose fewer.");
        }
    }

    void sites(int count, int max) {
        if (count > max) {
            throw new ApiProblemException(ApiProblem.SELECTION_TOO_LARGE, "A visitors question covers at most " + max
                    + " sites; choose fewer.");
        }
    }

    /**
     * The CSV the portal's export writes for the same selection: the query service checks, writes and
     * audits it (EXPORT); here it is only carried to the client. Refused or blocked before any byte.
     */
    static ResponseEntity<Object> csv(Export export) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        String[] fileName = {"crowdlens.csv"};
        ExportSummary summary = export.writeTo(name -> {
            fileName[0] = name;
            return bytes;
        });
        byte[] body = bytes.toByteArray();
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(summary.fileName() == null ? fileName[0]
                                : summary.fileName()).build().toString())
                .header(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length))
                .body(body);
    }

    /** A figure as GeoJSON properties: value, margin95, approximate, notShown (the JSON answer's fields). */
    static Map<String, Object> properties(Map<String, Object> first, Figure figure) {
        Map<String, Object> properties = new LinkedHashMap<>(first);
        FigureValue value = FigureValue.of(figure);
        properties.put("value", value.value());
        properties.put("margin95", value.margin95());
        properties.put("approximate", value.approximate());
        properties.put("notShown", value.notShown());
        return properties;
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
