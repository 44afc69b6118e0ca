package io.crowdlens.pipeline.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays out the fictional metro "Spreeburg" around 13.40 E 52.52 N: 4 centre quarters (radius 2 km),
 * 8 inner-ring sectors (2-6 km) and 12 outer-ring sectors (6-15 km) tiling a 15 km disc; cells
 * densest downtown; 5 shopping centres and a clinic; 3 highways from the centre outwards.
 */
final class MetroLayout {

    static final double CENTRE_RADIUS_KM = 2;
    static final double INNER_RADIUS_KM = 6;
    static final double OUTER_RADIUS_KM = 15;
    /** Every arc is sampled on this common angular grid, so neighbouring districts share vertices exactly. */
    private static final double ARC_STEP_DEGREES = 7.5;
    /** Cells keep this distance from ring boundaries: more than the arc chords' 32 m sagitta at 15 km. */
    private static final double RING_MARGIN_KM = 0.06;
    private static final double SECTOR_MARGIN_DEGREES = 1.0;

    private static final String[] CENTRE_NAMES = {"Altstadt", "Schlossviertel", "Marktviertel", "Hafenviertel"};
    private static final String[] INNER_NAMES = {"Lindenhof", "Nordbahnhof", "Kastanienhain", "Gartenstadt",
        "Westend", "Südkreuz", "Rosenthal", "Oststrand"};
    private static final String[] OUTER_NAMES = {"Eichenau", "Falkenhöhe", "Grünau", "Heidefeld",
        "Kiefernheide", "Lerchenberg", "Mühlenbeck", "Neudorf", "Pappelwinkel", "Rabenfeld",
        "Wiesengrund", "Am Seepark"};
    private static final int[] CELLS_PER_DISTRICT = {25, 20, 12};
    private static final int[] CELL_RANGE_METRES = {500, 1000, 2500};

    private final SplittableRandom random;
    private final CellsLayout cellsLayout;
    private final List<District> districts = new ArrayList<>();
    private final List<Cell> cells = new ArrayList<>();

    private MetroLayout(long seed, CellsLayout cellsLayout) {
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.cellsLayout = cellsLayout;
    }

    static MetroMap build(long seed, CellsLayout cellsLayout) {
        return new MetroLayout(seed, cellsLayout).build();
    }

    private MetroMap build() {
        addRing(District.CENTRE, 4, 0, CENTRE_RADIUS_KM, "C", CENTRE_NAMES);
        addRing(District.INNER, 8, CENTRE_RADIUS_KM, INNER_RADIUS_KM, "I", INNER_NAMES);
        addRing(District.OUTER, 12, INNER_RADIUS_KM, OUTER_RADIUS_KM, "O", OUTER_NAMES);
        for (District district : districts) {
            for (int i = 0; i < CELLS_PER_DISTRICT[district.ring()]; i++) {
                addCellInside(district);
            }
        }
        List<Corridor> corridors = List.of(
                corridor("K1", "A11 Nordost", 20),
                corridor("K2", "A12 Nordwest", 140),
                corridor("K3", "A13 Süd", 260));
        List<Site> sites = List.of(
                site("S1", "Galerie am Markt", Site.SHOPPING_CENTRE, 0.8, 60, 250),
                site("S2", "Westend Arkaden", Site.SHOPPING_CENTRE, 4.0, 200, 300),
                site("S3", "Lindenhof Passage", Site.SHOPPING_CENTRE, 4.5, 35, 300),
                site("S4", "Nordtor Center", Site.SHOPPING_CENTRE, 9.0, 100, 350),
                site("S5", "Seepark Einkaufszentrum", Site.SHOPPING_CENTRE, 10.0, 320, 350),
                site("H1", "Klinikum West", Site.CLINIC, 3.0, 170, 200));
        return new MetroMap(districts, cells, sites, corridors);
    }

    private void addRing(int ring, int sectors, double innerKm, double outerKm, String prefix, String[] names) {
        double width = 360.0 / sectors;
        for (int s = 0; s < sectors; s++) {
            double from = s * width;
            double to = from + width;
            String id = sectors < 10 ? prefix + (s + 1) : prefix + (s < 9 ? "0" : "") + (s + 1);
            districts.add(new District(districts.size(), id, names[s], ring, from, to, innerKm, outerKm,
                    sectorOutline(from, to, innerKm, outerKm)));
        }
    }

    private static double[][] sectorOutline(double from, double to, double innerKm, double outerKm) {
        List<double[]> points = new ArrayList<>();
        int firstStep = (int) Math.round(from / ARC_STEP_DEGREES);
        int lastStep = (int) Math.round(to / ARC_STEP_DEGREES);
        for (int step = firstStep; step <= lastStep; step++) {
            points.add(vertex(outerKm, step));
        }
        if (innerKm == 0) {
            points.add(new double[] {LocalPlane.lon(0), LocalPlane.lat(0)});
        } else {
            for (int step = lastStep; step >= firstStep; step--) {
                points.add(vertex(innerKm, step));
            }
        }
        points.add(points.getFirst());
        return points.toArray(double[][]::new);
    }

    private static double[] vertex(double radiusKm, int step) {
        double angle = (step % Math.round(360 / ARC_STEP_DEGREES)) * ARC_STEP_DEGREES;
        return new double[] {
            round6(LocalPlane.lon(LocalPlane.x(radiusKm, angle))),
            round6(LocalPlane.lat(LocalPlane.y(radiusKm, angle)))};
    }

    static double round6(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    private void addCellInside(District district) {
        double inner = Math.max(district.innerRadiusKm() + RING_MARGIN_KM, 0.1);
        double outer = district.outerRadiusKm() - RING_MARGIN_KM;
        double radius = Math.sqrt(inner * inner + random.nextDouble() * (outer * outer - inner * inner));
        double angle = district.fromAngle() + SECTOR_MARGIN_DEGREES
                + random.nextDouble() * (district.toAngle() - district.fromAngle() - 2 * SECTOR_MARGIN_DEGREES);
        addCell(LocalPlane.x(radius, angle), LocalPlane.y(radius, angle), CELL_RANGE_METRES[district.ring()],
                district.index());
    }

    private int addCell(double xKm, double yKm, int rangeMetres, int district) {
        int index = cells.size();
        // Stored coordinates are rounded like the written ones, so a test re-reading cells.csv sees the same point.
        double x = (round6(LocalPlane.lon(xKm)) - LocalPlane.CENTRE_LON) / (LocalPlane.lon(1) - LocalPlane.CENTRE_LON);
        double y = (round6(LocalPlane.lat(yKm)) - LocalPlane.CENTRE_LAT) / (LocalPlane.lat(1) - LocalPlane.CENTRE_LAT);
        cells.add(new Cell(index, cellKey(index, district), x, y, rangeMetres, district));
        return index;
    }

    private String cellKey(int index, int district) {
        return switch (cellsLayout) {
            case MINIMAL -> "c" + pad4(index + 1);
            case OPENCELLID -> "262-1-" + (4001 + district) + "-" + (120001 + index);
        };
    }

    static String pad4(int value) {
        String digits = Integer.toString(value);
        return "0".repeat(Math.max(0, 4 - digits.length())) + digits;
    }

    private Corridor corridor(String id, String name, double angle) {
        List<Integer> along = new ArrayList<>();
        int side = 1;
        for (double radius = 1.5; radius < OUTER_RADIUS_KM; radius += 1.0) {
            double offsetKm = 0.08 * side;
            side = -side;
            double x = LocalPlane.x(radius, angle) + LocalPlane.x(offsetKm, angle + 90);
            double y = LocalPlane.y(radius, angle) + LocalPlane.y(offsetKm, angle + 90);
            along.add(addCell(x, y, 1500, districtAt(x, y)));
        }
        return new Corridor(id, name, angle, 0.5, OUTER_RADIUS_KM - 0.2, 500,
                along.stream().mapToInt(Integer::intValue).toArray());
    }

    private Site site(String id, String name, String category, double radiusKm, double angle, int radiusMetres) {
        double x = LocalPlane.x(radiusKm, angle);
        double y = LocalPlane.y(radiusKm, angle);
        int[] siteCells = new int[3];
        for (int i = 0; i < siteCells.length; i++) {
            double cx = x + LocalPlane.x(0.1, i * 120.0 + 30);
            double cy = y + LocalPlane.y(0.1, i * 120.0 + 30);
            siteCells[i] = addCell(cx, cy, 150, districtAt(cx, cy));
        }
        return new Site(id, name, category, x, y, radiusMetres, siteCells);
    }

    private int districtAt(double xKm, double yKm) {
        double radius = LocalPlane.radius(xKm, yKm);
        double angle = LocalPlane.angle(xKm, yKm);
        for (District district : districts) {
            if (radius >= district.innerRadiusKm() && radius < district.outerRadiusKm()
                    && angle >= district.fromAngle() && angle < district.toAngle()) {
                return district.index();
            }
        }
        throw new IllegalStateException("(" + xKm + ", " + yKm + ") km lies outside the metro");
    }
}
