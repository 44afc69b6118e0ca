package io.crowdlens.pipeline.drop;

/** A cell site: its key as events reference it, and its location. */
public record Cell(String key, double lat, double lon) {
}
