package io.crowdlens.pipeline.commuting;

/**
 * A highway corridor from corridors.geojson: a line drawn in its outbound direction, and the buffer
 * within which cells belong to it.
 *
 * @param lons longitudes of the line's positions, first to last
 * @param lats latitudes of the line's positions
 * @param geometry the GeoJSON LineString as text, stored with the release for drawing
 */
public record Corridor(String code, String name, int bufferMetres, double[] lons, double[] lats, String geometry) {
}
