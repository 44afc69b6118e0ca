package io.crowdlens.export;

import java.util.Locale;

/**
 * The file formats every export can be written in, from the same checked rows (decision 030): the
 * format travels with the {@link ExportTarget}, so the figure gate, the query services and the API
 * write every format through one {@link CsvExportWriter} call.
 */
public enum ExportFormat {
    /** RFC 4180 CSV with metadata lines (docs/exports.md). */
    CSV("csv", "text/csv;charset=UTF-8", "CSV"),
    /** An Excel workbook: an "About" sheet with the metadata, then a "Figures" sheet with the table. */
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
    /** RFC 7946 GeoJSON: one Feature per row, the row's cells as properties, the area's geometry. */
    GEOJSON("geojson", GeoJsonWriter.MEDIA_TYPE, "GeoJSON");

    private final String extension;
    private final String mediaType;
    private final String label;

    ExportFormat(String extension, String mediaType, String label) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.label = label;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** What a button says: "CSV", "Excel", "GeoJSON". */
    public String label() {
        return label;
    }

    /** {@code name} with this format's extension in place of its own (export file names end in .csv). */
    public String fileName(String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 && name.substring(dot + 1).toLowerCase(Locale.ROOT).matches("[a-z]{2,7}")
                ? name.substring(0, dot) : name;
        return stem + "." + extension;
    }
}
