package io.crowdlens.licensing;

/**
 * An area an account manager can put into a licence.
 *
 * @param geometryGeoJson the outline for the map, or null in list results
 */
public record AreaChoice(long id, String code, String name, String geometryGeoJson) {
}
