package io.crowdlens.pipeline.demo;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the small files of a drop: cells.csv, the three GeoJSON layers and manifest.json. */
final class ReferenceFiles {

    private ReferenceFiles() {
    }

    static long writeCells(Path file, MetroMap metro, CellsLayout layout) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (layout == CellsLayout.MINIMAL) {
                out.write("cell_id,lat,lon,range\n");
            } else {
                out.write("radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal\n");
            }
            for (Cell cell : metro.cells()) {
                if (layout == CellsLayout.MINIMAL) {
                    out.write(cell.key() + "," + coordinate(cell.lat()) + "," + coordinate(cell.lon()) + ","
                            + cell.rangeMetres() + "\n");
                } else {
                    String[] key = cell.key().split("-");
                    out.write("LTE," + key[0] + "," + key[1] + "," + key[2] + "," + key[3] + ",0,"
                            + coordinate(cell.lon()) + "," + coordinate(cell.lat()) + "," + cell.rangeMetres()
                            + ",12,1,1459692342,1759276800,0\n");
                }
            }
        }
        return metro.cells().size();
    }

    static void writeAreas(Path file, MetroMap metro) throws IOException {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        List<District> districts = metro.districts();
        for (int i = 0; i < districts.size(); i++) {
            District district = districts.get(i);
            json.append("{\"type\":\"Feature\",\"properties\":{\"id\":\"").append(district.id())
                    .append("\",\"name\":\"").append(district.name())
                    .append("\",\"layer\":\"district\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[");
            appendLine(json, district.outline());
            json.append("]}}").append(i < districts.size() - 1 ? ",\n" : "\n");
        }
        Files.writeString(file, json.append("]}\n"), StandardCharsets.UTF_8);
    }

    static void writeSites(Path file, MetroMap metro) throws IOException {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        List<Site> sites = metro.sites();
        for (int i = 0; i < sites.size(); i++) {
            Site site = sites.get(i);
            json.append("{\"type\":\"Feature\",\"properties\":{\"id\":\"").append(site.id())
                    .append("\",\"name\":\"").append(site.name())
                    .append("\",\"category\":\"").append(site.category())
                    .append("\",\"radius\":").append(site.radiusMetres())
                    .append("},\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
                    .append(coordinate(LocalPlane.lon(site.xKm()))).append(',')
                    .append(coordinate(LocalPlane.lat(site.yKm())))
                    .append("]}}").append(i < sites.size() - 1 ? ",\n" : "\n");
        }
        Files.writeString(file, json.append("]}\n"), StandardCharsets.UTF_8);
    }

    static void writeCorridors(Path file, MetroMap metro) throws IOException {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        List<Corridor> corridors = metro.corridors();
        for (int i = 0; i < corridors.size(); i++) {
            Corridor corridor = corridors.get(i);
            double[][] line = new double[15][];
            for (int p = 0; p < line.length; p++) {
                double radius = corridor.fromRadiusKm()
                        + (corridor.toRadiusKm() - corridor.fromRadiusKm()) * p / (line.length - 1);
                line[p] = new double[] {
                    LocalPlane.lon(LocalPlane.x(radius, corridor.angleDegrees())),
                    LocalPlane.lat(LocalPlane.y(radius, corridor.angleDegrees()))};
            }
            json.append("{\"type\":\"Feature\",\"properties\":{\"id\":\"").append(corridor.id())
                    .append("\",\"name\":\"").append(corridor.name())
                    .append("\",\"bufferMetres\":").append(corridor.bufferMetres())
                    .append("},\"geometry\":{\"type\":\"LineString\",\"coordinates\":");
            appendLine(json, line);
            json.append("}}").append(i < corridors.size() - 1 ? ",\n" : "\n");
        }
        Files.writeString(file, json.append("]}\n"), StandardCharsets.UTF_8);
    }

    static void writeManifest(Path file, DemoDropSpec spec, String dropId, long eventRows, long cells)
            throws IOException {
        String manifest = "{\n"
                + "  \"dropId\": \"" + dropId + "\",\n"
                + "  \"periodFrom\": \"" + spec.firstDay() + "\",\n"
                + "  \"periodTo\": \"" + spec.lastDay() + "\",\n"
                + "  \"timeZone\": \"" + spec.zone().getId() + "\",\n"
                + "  \"optOutListVersion\": \"" + spec.lastDay().plusDays(1) + "\",\n"
                + "  \"h3Resolution\": 8,\n"
                + "  \"expectedRows\": { \"events\": " + eventRows + ", \"cells\": " + cells + " }\n"
                + "}\n";
        Files.writeString(file, manifest, StandardCharsets.UTF_8);
    }

    static String dropId(DemoDropSpec spec) {
        return "demo-spreeburg-" + spec.firstDay() + "-" + spec.days() + "d-seed" + spec.seed();
    }

    private static void appendLine(StringBuilder json, double[][] points) {
        json.append('[');
        for (int p = 0; p < points.length; p++) {
            json.append(p == 0 ? "[" : ",[").append(coordinate(points[p][0])).append(',')
                    .append(coordinate(points[p][1])).append(']');
        }
        json.append(']');
    }

    /** Six decimals (about 0.1 m), independent of the default locale. */
    static String coordinate(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP).toPlainString();
    }
}
