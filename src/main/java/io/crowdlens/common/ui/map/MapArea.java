package io.crowdlens.common.ui.map;

/**
 * An area to draw: its id, display name and GeoJSON geometry (Polygon or MultiPolygon).
 *
 * @param geometryGeoJson the geometry object as JSON text, as stored with the area
 */
public record MapArea(String id, String name, String geometryGeoJson) {
}
