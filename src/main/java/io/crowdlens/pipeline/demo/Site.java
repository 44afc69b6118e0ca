package io.crowdlens.pipeline.demo;

/** A point site with a radius, served by its own small cells. */
record Site(String id, String name, String category, double xKm, double yKm, int radiusMetres, int[] cells) {

    static final String SHOPPING_CENTRE = "shopping_centre";
    static final String CLINIC = "clinic";
}
