package io.crowdlens.pipeline.demo;

/** A cell site; {@code key} is what events carry in cell_id. */
record Cell(int index, String key, double xKm, double yKm, int rangeMetres, int district) {

    double lon() {
        return LocalPlane.lon(xKm);
    }

    double lat() {
        return LocalPlane.lat(yKm);
    }
}
