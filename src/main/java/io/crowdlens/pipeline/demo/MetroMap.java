package io.crowdlens.pipeline.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The generated city: districts, cells, sites, corridors, and how devices move through them. */
final class MetroMap {

    private static final double GRID_KM = 0.25;
    private static final double GRID_EXTENT_KM = MetroLayout.OUTER_RADIUS_KM + 0.5;
    private static final int GRID_SIZE = (int) Math.ceil(2 * GRID_EXTENT_KM / GRID_KM);
    private static final double PATH_STEP_KM = 1.0;

    private final List<District> districts;
    private final List<Cell> cells;
    private final List<Site> sites;
    private final List<Corridor> corridors;
    private final int[][] cellsByDistrict;
    private final int[] centreCells;
    /** Nearest non-site cell for every 250 m square: a device passing by is not a visitor. */
    private final int[] nearestStreetCell;

    MetroMap(List<District> districts, List<Cell> cells, List<Site> sites, List<Corridor> corridors) {
        this.districts = List.copyOf(districts);
        this.cells = List.copyOf(cells);
        this.sites = List.copyOf(sites);
        this.corridors = List.copyOf(corridors);
        boolean[] siteCell = new boolean[cells.size()];
        for (Site site : sites) {
            for (int cell : site.cells()) {
                siteCell[cell] = true;
            }
        }
        this.cellsByDistrict = new int[districts.size()][];
        for (District district : districts) {
            cellsByDistrict[district.index()] = cells.stream()
                    .filter(c -> c.district() == district.index() && !siteCell[c.index()])
                    .mapToInt(Cell::index).toArray();
        }
        this.centreCells = districts.stream().filter(d -> d.ring() == District.CENTRE)
                .flatMapToInt(d -> Arrays.stream(cellsByDistrict[d.index()])).toArray();
        this.nearestStreetCell = nearestCellGrid(siteCell);
    }

    List<District> districts() {
        return districts;
    }

    List<Cell> cells() {
        return cells;
    }

    List<Site> sites() {
        return sites;
    }

    List<Corridor> corridors() {
        return corridors;
    }

    int[] cellsOf(int district) {
        return cellsByDistrict[district];
    }

    int[] centreCells() {
        return centreCells;
    }

    Cell cell(int index) {
        return cells.get(index);
    }

    double distanceKm(int fromCell, int toCell) {
        Cell a = cells.get(fromCell);
        Cell b = cells.get(toCell);
        return Math.hypot(a.xKm() - b.xKm(), a.yKm() - b.yKm());
    }

    double distanceKm(int cell, Site site) {
        Cell c = cells.get(cell);
        return Math.hypot(c.xKm() - site.xKm(), c.yKm() - site.yKm());
    }

    /** The nearest other non-site cell: where a phone at home hands over to now and then. */
    int neighbourOf(int cellIndex) {
        Cell cell = cells.get(cellIndex);
        int best = cellIndex;
        double bestDistance = Double.MAX_VALUE;
        for (int candidate : cellsByDistrict[cell.district()]) {
            double distance = distanceKm(cellIndex, candidate);
            if (candidate != cellIndex && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * The cells a device passes between two cells, ends excluded: along a highway when one runs
     * from the outer end towards the inner end, otherwise along the straight line.
     */
    int[] route(int fromCell, int toCell) {
        Cell from = cells.get(fromCell);
        Cell to = cells.get(toCell);
        double fromRadius = LocalPlane.radius(from.xKm(), from.yKm());
        double toRadius = LocalPlane.radius(to.xKm(), to.yKm());
        boolean inbound = fromRadius > toRadius;
        Cell outer = inbound ? from : to;
        Cell inner = inbound ? to : from;
        Corridor highway = highwayBetween(outer, inner);
        int[] path = highway == null
                ? straightRoute(from, to)
                : highwayRoute(highway, LocalPlane.radius(inner.xKm(), inner.yKm()),
                        LocalPlane.radius(outer.xKm(), outer.yKm()), inbound);
        return withoutEnds(path, fromCell, toCell);
    }

    private Corridor highwayBetween(Cell outer, Cell inner) {
        double outerRadius = LocalPlane.radius(outer.xKm(), outer.yKm());
        double innerRadius = LocalPlane.radius(inner.xKm(), inner.yKm());
        if (outerRadius < 5 || outerRadius - innerRadius < 3) {
            return null;
        }
        double outerAngle = LocalPlane.angle(outer.xKm(), outer.yKm());
        for (Corridor corridor : corridors) {
            double gap = Math.abs(outerAngle - corridor.angleDegrees());
            if (Math.min(gap, 360 - gap) <= 25) {
                return corridor;
            }
        }
        return null;
    }

    private int[] highwayRoute(Corridor highway, double innerRadius, double outerRadius, boolean inbound) {
        List<Integer> path = new ArrayList<>();
        for (int cellIndex : highway.cellsOutward()) {
            Cell cell = cells.get(cellIndex);
            double radius = LocalPlane.radius(cell.xKm(), cell.yKm());
            if (radius > innerRadius && radius < outerRadius) {
                path.add(cellIndex);
            }
        }
        if (inbound) {
            path = path.reversed();
        }
        return path.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] straightRoute(Cell from, Cell to) {
        double length = Math.hypot(to.xKm() - from.xKm(), to.yKm() - from.yKm());
        int steps = (int) (length / PATH_STEP_KM);
        int[] path = new int[Math.max(steps - 1, 0)];
        for (int i = 1; i < steps; i++) {
            double share = (double) i / steps;
            path[i - 1] = nearestStreetCell(from.xKm() + share * (to.xKm() - from.xKm()),
                    from.yKm() + share * (to.yKm() - from.yKm()));
        }
        return path;
    }

    private static int[] withoutEnds(int[] path, int fromCell, int toCell) {
        int[] kept = new int[path.length];
        int count = 0;
        int previous = fromCell;
        for (int cell : path) {
            if (cell != previous && cell != toCell) {
                kept[count++] = cell;
                previous = cell;
            }
        }
        return Arrays.copyOf(kept, count);
    }

    int nearestStreetCell(double xKm, double yKm) {
        int column = gridIndex(xKm);
        int row = gridIndex(yKm);
        return nearestStreetCell[row * GRID_SIZE + column];
    }

    private static int gridIndex(double km) {
        int index = (int) ((km + GRID_EXTENT_KM) / GRID_KM);
        return Math.clamp(index, 0, GRID_SIZE - 1);
    }

    private int[] nearestCellGrid(boolean[] siteCell) {
        int[] grid = new int[GRID_SIZE * GRID_SIZE];
        for (int row = 0; row < GRID_SIZE; row++) {
            double y = -GRID_EXTENT_KM + (row + 0.5) * GRID_KM;
            for (int column = 0; column < GRID_SIZE; column++) {
                double x = -GRID_EXTENT_KM + (column + 0.5) * GRID_KM;
                int best = -1;
                double bestDistance = Double.MAX_VALUE;
                for (Cell cell : cells) {
                    double dx = cell.xKm() - x;
                    double dy = cell.yKm() - y;
                    double distance = dx * dx + dy * dy;
                    if (!siteCell[cell.index()] && distance < bestDistance) {
                        best = cell.index();
                        bestDistance = distance;
                    }
                }
                grid[row * GRID_SIZE + column] = best;
            }
        }
        return grid;
    }
}
