package io.crowdlens.pipeline.commuting;

import io.crowdlens.pipeline.drop.Cell;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which cells make up a corridor, in order along its line. A cell belongs to the corridor when its
 * location lies within the buffer of the line (distance to the nearest point of any segment); its
 * place along the line is the distance from the line's start to that nearest point. Distances are
 * metres on a local flat projection around the line's first position (equirectangular; under 0.1 %
 * off over a metro area).
 */
final class CorridorGeometry {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private CorridorGeometry() {
    }

    /** A cell of a corridor: its 1-based position along the line (outbound order). */
    record CorridorCell(String corridorCode, String cellKey, int position) {
    }

    static List<CorridorCell> cellsOf(Corridor corridor, List<Cell> cells) {
        Projection plane = new Projection(corridor.lats()[0], corridor.lons()[0]);
        double[] xs = new double[corridor.lons().length];
        double[] ys = new double[corridor.lons().length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = plane.x(corridor.lons()[i]);
            ys[i] = plane.y(corridor.lats()[i]);
        }
        record Near(String cellKey, double along) {
        }
        List<Near> near = new ArrayList<>();
        for (Cell cell : cells) {
            double[] nearest = nearest(xs, ys, plane.x(cell.lon()), plane.y(cell.lat()));
            if (nearest[0] <= corridor.bufferMetres()) {
                near.add(new Near(cell.key(), nearest[1]));
            }
        }
        near.sort(Comparator.comparingDouble(Near::along).thenComparing(Near::cellKey));
        List<CorridorCell> ordered = new ArrayList<>(near.size());
        for (int i = 0; i < near.size(); i++) {
            ordered.add(new CorridorCell(corridor.code(), near.get(i).cellKey(), i + 1));
        }
        return ordered;
    }

    static double lengthMetres(double[] lons, double[] lats) {
        Projection plane = new Projection(lats[0], lons[0]);
        double length = 0;
        for (int i = 1; i < lons.length; i++) {
            length += Math.hypot(plane.x(lons[i]) - plane.x(lons[i - 1]), plane.y(lats[i]) - plane.y(lats[i - 1]));
        }
        return length;
    }

    /** [distance to the line, distance along the line to the nearest point], in metres. */
    private static double[] nearest(double[] xs, double[] ys, double px, double py) {
        double best = Double.MAX_VALUE;
        double bestAlong = 0;
        double start = 0;
        for (int i = 1; i < xs.length; i++) {
            double dx = xs[i] - xs[i - 1];
            double dy = ys[i] - ys[i - 1];
            double length = Math.hypot(dx, dy);
            double t = length == 0 ? 0 : ((px - xs[i - 1]) * dx + (py - ys[i - 1]) * dy) / (length * length);
            t = Math.clamp(t, 0, 1);
            double distance = Math.hypot(px - (xs[i - 1] + t * dx), py - (ys[i - 1] + t * dy));
            if (distance < best) {
                best = distance;
                bestAlong = start + t * length;
            }
            start += length;
        }
        return new double[] {best, bestAlong};
    }

    private record Projection(double lat0, double lon0) {
        double x(double lon) {
            return Math.toRadians(lon - lon0) * EARTH_RADIUS_METRES * Math.cos(Math.toRadians(lat0));
        }

        double y(double lat) {
            return Math.toRadians(lat - lat0) * EARTH_RADIUS_METRES;
        }
    }
}
