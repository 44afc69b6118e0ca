package io.crowdlens.visits;

/** An area visitors may live in, with its GeoJSON outline, for drawing the catchment. */
public record HomeArea(long id, String name, String geometryGeoJson) {
}
