package io.crowdlens.pipeline.homework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A drop written by a test, event by event, small enough to count by hand. Three districts side by
 * side from west to east, A (13.30-13.40 E), B (13.40-13.50 E) and C (13.50-13.60 E), between 52.40
 * and 52.60 N, with one cell each (a, b, c) unless the test adds more. Europe/Berlin.
 */
public final class HandBuiltDrop {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final LocalDate from;
    private final LocalDate to;
    private final Map<String, double[]> cells = new LinkedHashMap<>();
    private final List<String> events = new ArrayList<>();
    private final List<String> optOuts = new ArrayList<>();
    private String corridors;

    private HandBuiltDrop(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
        cell("a", 52.50, 13.35);
        cell("b", 52.50, 13.45);
        cell("c", 52.50, 13.55);
    }

    /** Districts A, B, C and cells a, b, c over the local dates from..to. */
    public static HandBuiltDrop threeDistricts(LocalDate from, LocalDate to) {
        return new HandBuiltDrop(from, to);
    }

    public HandBuiltDrop cell(String id, double lat, double lon) {
        cells.put(id, new double[] {lat, lon});
        return this;
    }

    /** An event at a local wall-clock time (the earlier instant when clocks go back). */
    public HandBuiltDrop event(String device, String cell, LocalDateTime local) {
        return eventAt(device, cell, ZonedDateTime.of(local, ZONE).toInstant());
    }

    public HandBuiltDrop eventAt(String device, String cell, Instant instant) {
        events.add(device + "," + cell + "," + DateTimeFormatter.ISO_INSTANT.format(instant));
        return this;
    }

    public HandBuiltDrop optOut(String device) {
        optOuts.add(device + "," + from);
        return this;
    }

    public HandBuiltDrop corridors(String geoJson) {
        this.corridors = geoJson;
        return this;
    }

    /** Events in the order given so far, reversed: the pipeline must not depend on file order. */
    public HandBuiltDrop reverseEventOrder() {
        java.util.Collections.reverse(events);
        return this;
    }

    public Path writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            write(directory, "manifest.json", """
                    {"dropId": "hand-built", "periodFrom": "%s", "periodTo": "%s",
                     "timeZone": "%s", "optOutListVersion": "v1"}""".formatted(from, to, ZONE.getId()));
            write(directory, "areas.geojson", """
                    { "type": "FeatureCollection", "features": [%s, %s, %s]}""".formatted(
                    district("A", 13.30), district("B", 13.40), district("C", 13.50)));
            StringBuilder cellRows = new StringBuilder("cell_id,lat,lon,range\n");
            cells.forEach((id, at) -> cellRows.append(String.format(Locale.ROOT, "%s,%.6f,%.6f,500%n", id, at[0], at[1])));
            write(directory, "cells.csv", cellRows.toString());
            write(directory, "events.csv", "device_id,cell_id,ts\n" + String.join("\n", events) + "\n");
            write(directory, "optouts.csv", "device_id,received_on\n" + String.join("\n", optOuts) + (optOuts.isEmpty() ? "" : "\n"));
            if (corridors != null) {
                write(directory, "corridors.geojson", corridors);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String district(String id, double west) {
        double east = west + 0.10;
        return String.format(Locale.ROOT, """
                { "type": "Feature", "properties": { "id": "%s", "name": "District %s", "layer": "district" },
                  "geometry": { "type": "Polygon", "coordinates": [[[%.2f,52.40],[%.2f,52.40],[%.2f,52.60],[%.2f,52.60],[%.2f,52.40]]] } }""",
                id, id, west, east, east, west, west);
    }

    private static void write(Path directory, String file, String content) throws IOException {
        Files.writeString(directory.resolve(file), content, StandardCharsets.UTF_8);
    }
}
