package io.crowdlens.commuting;

/**
 * A highway corridor of the served release, for the map and the pickers.
 *
 * @param geometryGeoJson a GeoJSON LineString drawn in the outbound direction
 * @param cellCount the network cells within its buffer, along which passes are counted
 */
public record CorridorLine(long id, String code, String name, String geometryGeoJson, int bufferMetres, int cellCount) {
}
