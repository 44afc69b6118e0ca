package io.crowdlens.pipeline.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Draws device profiles: more homes in the outer districts, more jobs downtown. */
final class DevicePopulation {

    static final double OPT_OUT_SHARE = 0.02;
    private static final double EMPLOYED_SHARE = 0.75;
    private static final double[] HOME_WEIGHT_BY_RING = {1.0, 2.5, 3.0};
    private static final double[] WORK_WEIGHT_BY_RING = {10.0, 3.0, 1.0};
    private static final double LUNCH_SITE_MAX_KM = 3.0;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MetroMap metro;
    private final DemoDropSpec spec;
    private final int[] shoppingCentres;
    private final double[] homeCumulative;
    private final double[] workCumulative;

    DevicePopulation(MetroMap metro, DemoDropSpec spec) {
        this.metro = metro;
        this.spec = spec;
        List<Site> sites = metro.sites();
        this.shoppingCentres = IntStream.range(0, sites.size())
                .filter(i -> sites.get(i).category().equals(Site.SHOPPING_CENTRE)).toArray();
        this.homeCumulative = cumulative(HOME_WEIGHT_BY_RING);
        this.workCumulative = cumulative(WORK_WEIGHT_BY_RING);
    }

    int[] shoppingCentres() {
        return shoppingCentres;
    }

    DeviceProfile device(int index, SplittableRandom random) {
        LocalDate optOut = random.nextDouble() < OPT_OUT_SHARE
                ? spec.firstDay().minusDays(30).plusDays(random.nextInt(spec.days() + 30))
                : null;
        boolean employed = random.nextDouble() < EMPLOYED_SHARE;
        int homeCell = pick(metro.cellsOf(pickDistrict(homeCumulative, random)), random);
        int workCell = pick(metro.cellsOf(pickDistrict(workCumulative, random)), random);
        if (workCell == homeCell) {
            workCell = metro.neighbourOf(homeCell);
        }
        double commuteKm = metro.distanceKm(homeCell, workCell);
        int commuteSeconds = (int) ((8 + 2.2 * commuteKm) * 60);
        int departureSecond = (6 * 60 + 30 + random.nextInt(120)) * 60;
        int workSeconds = (7 * 60 + 30 + random.nextInt(120)) * 60;
        int favouriteSite = random.nextDouble() < 0.6 ? nearestShoppingCentre(homeCell) : pick(shoppingCentres, random);
        int lunchSite = nearestShoppingCentre(workCell);
        if (metro.distanceKm(workCell, metro.sites().get(lunchSite)) > LUNCH_SITE_MAX_KM) {
            lunchSite = -1;
        }
        return new DeviceProfile(index, deviceId(index), optOut, employed, homeCell, metro.neighbourOf(homeCell),
                workCell, metro.route(homeCell, workCell), metro.route(workCell, homeCell), commuteSeconds,
                departureSecond, workSeconds, favouriteSite, lunchSite);
    }

    private int nearestShoppingCentre(int cell) {
        int best = shoppingCentres[0];
        for (int site : shoppingCentres) {
            if (metro.distanceKm(cell, metro.sites().get(site)) < metro.distanceKm(cell, metro.sites().get(best))) {
                best = site;
            }
        }
        return best;
    }

    /** "d-" and 8 hex digits of a seeded bijection of the index: unique, and different for another seed. */
    private byte[] deviceId(int index) {
        int x = index ^ (int) (spec.seed() ^ (spec.seed() >>> 32));
        x *= 0x9E3779B1;
        x ^= x >>> 16;
        x *= 0x85EBCA6B;
        x ^= x >>> 13;
        char[] id = new char[10];
        id[0] = 'd';
        id[1] = '-';
        for (int i = 0; i < 8; i++) {
            id[2 + i] = HEX[(x >>> (28 - 4 * i)) & 0xF];
        }
        return new String(id).getBytes(StandardCharsets.US_ASCII);
    }

    private double[] cumulative(double[] weightByRing) {
        List<District> districts = metro.districts();
        double[] cumulative = new double[districts.size()];
        double sum = 0;
        for (District district : districts) {
            sum += weightByRing[district.ring()];
            cumulative[district.index()] = sum;
        }
        return cumulative;
    }

    private static int pickDistrict(double[] cumulative, SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = 0;
        while (cumulative[i] <= target) {
            i++;
        }
        return i;
    }

    static int pick(int[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
