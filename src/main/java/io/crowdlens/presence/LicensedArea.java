package io.crowdlens.presence;

/** An area the user may see, with its GeoJSON outline. */
public record LicensedArea(long id, String name, String geometryGeoJson) {
}
