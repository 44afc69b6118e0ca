package io.crowdlens.commuting;

/** An area the user may pick, with its outline (GeoJSON) and the point flow lines start and end at. */
public record District(long id, String code, String name, String geometryGeoJson, double lat, double lon) {
}
