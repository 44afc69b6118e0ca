package io.crowdlens.pipeline.drop;

/**
 * A cell site: its key as events reference it, its location, and its coverage range in metres when
 * cells.csv gives one (null otherwise).
 */
public record Cell(String key, double lat, double lon, Double rangeMetres) {

    public Cell(String key, double lat, double lon) {
        this(key, lat, lon, null);
    }
}
