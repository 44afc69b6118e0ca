package io.crowdlens.pipeline.visits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A drop written by hand, one site per scenario so that each site's figures tell one story. Period
 * Saturday 24 to Monday 26 October 2026 in Europe/Berlin: clocks go back on Sunday 25th at 03:00 CEST
 * (01:00Z) to 02:00 CET. Every site is a point with a 200 m radius and its own cell (range 100 m) at its
 * centre; sites lie about 1.4 km apart on one line, so no cell serves two of them. One district, "W",
 * covers the first half of the line, "E" the rest. The street cells {@value #STREET} (in W) and
 * {@value #STREET_EAST} (in E) serve no site.
 */
public final class HandBuiltVisitsDrop {

    public static final LocalDate SAT = LocalDate.of(2026, 10, 24);
    public static final LocalDate SUN = SAT.plusDays(1);
    public static final LocalDate MON = SAT.plusDays(2);
    static final String STREET = "street";
    static final String STREET_EAST = "street_east";
    private static final double LAT = 52.50;
    private static final double FIRST_LON = 13.30;
    private static final double LON_STEP = 0.02;
    private static final int SITES_IN_WEST = 8;

    private final List<String> sites = new ArrayList<>();
    private final List<String> cells = new ArrayList<>();
    private final StringBuilder events = new StringBuilder("device_id,cell_id,ts\n");
    private final StringBuilder optOuts = new StringBuilder("device_id,received_on\n");

    public HandBuiltVisitsDrop() {
        cells.add(STREET + "," + LAT + ",13.2,300");
        cells.add(STREET_EAST + "," + LAT + ",13.9,300");
    }

    /** A point site with its own serving cell (same code as the site, lower case). */
    public HandBuiltVisitsDrop site(String code, String category) {
        double lon = lonOf(sites.size());
        sites.add(pointSite(code, category, lon, 200));
        cells.add(code.toLowerCase(Locale.ROOT) + "," + LAT + "," + String.format(Locale.ROOT, "%.4f", lon) + ",100");
        return this;
    }

    /** A point site whose only cell inside has a coverage range far beyond the site: it serves nothing. */
    HandBuiltVisitsDrop siteWithMacroCellOnly(String code) {
        double lon = lonOf(sites.size());
        sites.add(pointSite(code, "shopping_centre", lon, 200));
        cells.add(code.toLowerCase(Locale.ROOT) + "," + LAT + "," + String.format(Locale.ROOT, "%.4f", lon) + ",5000");
        return this;
    }

    /** A square polygon site (about 270 m across) with one cell of unknown range at its centre. */
    HandBuiltVisitsDrop polygonSite(String code) {
        double lon = lonOf(sites.size());
        double w = lon - 0.002;
        double e = lon + 0.002;
        double s = LAT - 0.0012;
        double n = LAT + 0.0012;
        sites.add(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"id\":\"%s\",\"name\":\"Site %s\","
                + "\"category\":\"shopping_centre\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}}",
                code, code, w, s, e, s, e, n, w, n, w, s));
        cells.add(code.toLowerCase(Locale.ROOT) + "," + LAT + "," + String.format(Locale.ROOT, "%.4f", lon) + ",");
        return this;
    }

    /**
     * Twelve shoppers (s01-s12) at site CROWD on Saturday 10:00-10:30 (s01 again 15:00-15:15), who all
     * sleep in district E; twelve patients at the clinic at the same time; and a site nobody stayed at.
     */
    public static HandBuiltVisitsDrop crowdOfTwelve() {
        HandBuiltVisitsDrop drop = new HandBuiltVisitsDrop().site("CROWD", "shopping_centre")
                .site("CLINIC", "clinic").site("EMPTY", "shopping_centre");
        for (int i = 1; i <= 12; i++) {
            String shopper = String.format("s%02d", i);
            drop.at(shopper, "CROWD", "2026-10-24T10:00:00+02:00").at(shopper, "CROWD", "2026-10-24T10:30:00+02:00")
                    .at(shopper, STREET_EAST, "2026-10-24T23:00:00+02:00")
                    .at(shopper, STREET_EAST, "2026-10-25T23:00:00+01:00")
                    .at(shopper, STREET_EAST, "2026-10-26T23:00:00+01:00");
            String patient = String.format("p%02d", i);
            drop.at(patient, "CLINIC", "2026-10-24T10:00:00+02:00").at(patient, "CLINIC", "2026-10-24T10:30:00+02:00");
        }
        return drop.at("s01", STREET, "2026-10-24T12:00:00+02:00")
                .at("s01", "CROWD", "2026-10-24T15:00:00+02:00").at("s01", "CROWD", "2026-10-24T15:15:00+02:00");
    }

    /** An event of a device at a site's cell (or {@value #STREET}), at an ISO-8601 instant with offset. */
    public HandBuiltVisitsDrop at(String device, String siteOrStreet, String instant) {
        OffsetDateTime.parse(instant); // a typo in a test should fail here, not be quarantined
        events.append(device).append(',').append(siteOrStreet.toLowerCase(Locale.ROOT)).append(',').append(instant)
                .append('\n');
        return this;
    }

    public HandBuiltVisitsDrop optOut(String device) {
        optOuts.append(device).append(",2026-10-27\n");
        return this;
    }

    public Path writeTo(Path drop) {
        try {
            Files.createDirectories(drop);
            write(drop, "manifest.json", """
                    {"dropId": "visits-hand-built", "periodFrom": "2026-10-24", "periodTo": "2026-10-26",
                     "timeZone": "Europe/Berlin", "optOutListVersion": "2026-10-27"}""");
            write(drop, "cells.csv", "cell_id,lat,lon,range\n" + String.join("\n", cells) + "\n");
            double middle = lonOf(SITES_IN_WEST) - LON_STEP / 2;
            write(drop, "areas.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + district("W", "West", 13.1, middle)
                    + "," + district("E", "East", middle, 14.0) + "]}");
            write(drop, "sites.geojson", "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", sites)
                    + "\n]}");
            write(drop, "events.csv", events.toString());
            write(drop, "optouts.csv", optOuts.toString());
            return drop;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double lonOf(int index) {
        return FIRST_LON + LON_STEP * index;
    }

    private static String pointSite(String code, String category, double lon, int radius) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"id\":\"%s\",\"name\":\"Site %s\","
                + "\"category\":\"%s\",\"radius\":%d},\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.4f,%.4f]}}",
                code, code, category, radius, lon, LAT);
    }

    private static String district(String id, String name, double west, double east) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"id\":\"%s\",\"name\":\"%s\","
                + "\"layer\":\"district\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[%.4f,52.4],[%.4f,52.4],[%.4f,52.6],[%.4f,52.6],[%.4f,52.4]]]}}", id, name, west, east, east, west, west);
    }

    private static void write(Path drop, String file, String content) throws IOException {
        Files.writeString(drop.resolve(file), content, StandardCharsets.UTF_8);
    }
}
