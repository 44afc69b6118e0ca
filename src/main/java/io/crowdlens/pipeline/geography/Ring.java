package io.crowdlens.pipeline.geography;

/** A closed ring of positions (longitude, latitude), as in GeoJSON. */
public record Ring(double[] lons, double[] lats) {

    /** Even-odd ray casting; a point exactly on an edge may fall either side, as in most GIS tools. */
    boolean contains(double lon, double lat) {
        boolean inside = false;
        for (int i = 0, j = lons.length - 1; i < lons.length; j = i++) {
            if ((lats[i] > lat) != (lats[j] > lat)
                    && lon < (lons[j] - lons[i]) * (lat - lats[i]) / (lats[j] - lats[i]) + lons[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Twice the signed area and the area-weighted centroid sums (shoelace formula). */
    double[] centroidSums() {
        double area2 = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 0, j = lons.length - 1; i < lons.length; j = i++) {
            double cross = lons[j] * lats[i] - lons[i] * lats[j];
            area2 += cross;
            cx += (lons[j] + lons[i]) * cross;
            cy += (lats[j] + lats[i]) * cross;
        }
        return new double[] {area2, cx, cy};
    }
}
