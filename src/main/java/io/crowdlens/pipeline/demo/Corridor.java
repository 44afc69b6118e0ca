package io.crowdlens.pipeline.demo;

/** A highway from the centre outwards; {@code cellsOutward} lie along it, nearest to the centre first. */
record Corridor(String id, String name, double angleDegrees, double fromRadiusKm, double toRadiusKm,
                int bufferMetres, int[] cellsOutward) {
}
