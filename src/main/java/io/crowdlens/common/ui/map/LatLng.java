package io.crowdlens.common.ui.map;

/** A WGS84 position (degrees), as Leaflet takes it: latitude first. */
public record LatLng(double lat, double lng) {

    public LatLng {
        if (lat < -90 || lat > 90 || lng < -180 || lng > 180 || Double.isNaN(lat) || Double.isNaN(lng)) {
            throw new IllegalArgumentException("not a position: " + lat + ", " + lng);
        }
    }
}
