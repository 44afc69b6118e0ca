package io.crowdlens.pipeline.demo;

import java.time.DayOfWeek;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * One device's day as network events: nights at home, weekday commutes, lunchtime and weekend
 * shopping, evening leisure downtown. Events come at irregular intervals, more often on the move.
 */
final class DailyRoutine {

    private static final int MINUTE = 60;
    private static final int HOUR = 3600;
    private static final int END_OF_DAY = 24 * HOUR - 1;
    private static final int NIGHT_GAP = 90 * MINUTE;
    private static final int HOME_GAP = 45 * MINUTE;
    private static final int WORK_GAP = 45 * MINUTE;
    private static final int LEISURE_GAP = 20 * MINUTE;
    private static final int VISIT_GAP = 8 * MINUTE;
    private static final double ROUTE_CELL_SEEN = 0.8;
    private static final double HOME_NEIGHBOUR_SHARE = 0.15;
    private static final double AWAY_DAY_SHARE = 0.02;
    private static final int[] NO_ROUTE = {};

    private final MetroMap metro;
    private final List<Site> sites;
    private final int[] shoppingCentres;
    private final int clinic;
    private final EventRows rows;

    private DeviceProfile device;
    private SplittableRandom random;
    private int now;
    private int here;

    DailyRoutine(MetroMap metro, int[] shoppingCentres, EventRows rows) {
        this.metro = metro;
        this.sites = metro.sites();
        this.shoppingCentres = shoppingCentres;
        this.clinic = IntStream.range(0, sites.size())
                .filter(i -> sites.get(i).category().equals(Site.CLINIC)).findFirst().orElseThrow();
        this.rows = rows;
    }

    void live(DeviceProfile profile, DayOfWeek dayOfWeek, SplittableRandom deviceRandom) {
        this.device = profile;
        this.random = deviceRandom;
        if (random.nextDouble() < AWAY_DAY_SHARE) {
            return;
        }
        now = 0;
        here = device.homeCell();
        boolean weekend = dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
        if (device.employed() && !weekend) {
            workday();
        } else {
            dayOff(dayOfWeek);
        }
        evening(dayOfWeek);
        stayUntil(END_OF_DAY, HOME_GAP);
    }

    private void workday() {
        stayUntil(device.departureSecond() + jitter(20 * MINUTE), HOME_GAP);
        travel(device.routeToWork(), device.workCell(), device.commuteSeconds());
        int leaveWork = now + device.workSeconds() + jitter(30 * MINUTE);
        if (device.lunchSite() >= 0 && random.nextDouble() < 0.3) {
            stayUntil(12 * HOUR + random.nextInt(75 * MINUTE), WORK_GAP);
            int lunch = (20 + random.nextInt(31)) * MINUTE;
            travel(NO_ROUTE, -1, 8 * MINUTE);
            visit(sites.get(device.lunchSite()), lunch);
            travel(NO_ROUTE, device.workCell(), 8 * MINUTE);
        }
        stayUntil(leaveWork, WORK_GAP);
        if (random.nextDouble() < 0.1 && now < 19 * HOUR) {
            shop(sites.get(device.favouriteSite()), 10 * MINUTE + (int) (110 * MINUTE * Math.pow(random.nextDouble(), 1.6)));
            goHome();
        } else {
            travel(device.routeHome(), device.homeCell(), device.commuteSeconds());
        }
    }

    private void dayOff(DayOfWeek dayOfWeek) {
        boolean weekday = dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
        if (weekday && random.nextDouble() < 0.005) {
            stayUntil(8 * HOUR + random.nextInt(8 * HOUR), HOME_GAP);
            shop(sites.get(clinic), (30 + random.nextInt(61)) * MINUTE);
            goHome();
            return;
        }
        double shoppingChance = switch (dayOfWeek) {
            case SATURDAY -> 0.6;
            case SUNDAY -> 0.3;
            default -> 0.2;
        };
        if (random.nextDouble() < shoppingChance) {
            // Weekend trips peak in the early afternoon: the mean of two uniform draws.
            int start = weekday
                    ? 9 * HOUR + 30 * MINUTE + random.nextInt(7 * HOUR + 30 * MINUTE)
                    : 10 * HOUR + (int) (7 * HOUR * (random.nextDouble() + random.nextDouble()) / 2);
            stayUntil(start, HOME_GAP);
            int site = random.nextDouble() < 0.7 ? device.favouriteSite() : DevicePopulation.pick(shoppingCentres, random);
            int dwell = weekday
                    ? 10 * MINUTE + (int) (110 * MINUTE * Math.pow(random.nextDouble(), 1.6))
                    : 20 * MINUTE + (int) (100 * MINUTE * Math.pow(random.nextDouble(), 1.2));
            shop(sites.get(site), dwell);
            goHome();
        }
    }

    private void evening(DayOfWeek dayOfWeek) {
        double leisureChance = switch (dayOfWeek) {
            case FRIDAY -> 0.3;
            case SATURDAY -> 0.35;
            default -> 0.15;
        };
        if (random.nextDouble() >= leisureChance || now > 19 * HOUR + 30 * MINUTE) {
            return;
        }
        stayUntil(Math.max(now + 20 * MINUTE, 19 * HOUR + random.nextInt(90 * MINUTE)), HOME_GAP);
        int venue = DevicePopulation.pick(metro.centreCells(), random);
        travel(metro.route(here, venue), venue, travelSeconds(here, venue));
        stayUntil(Math.min(22 * HOUR + random.nextInt(90 * MINUTE), 23 * HOUR + 15 * MINUTE), LEISURE_GAP);
        goHome();
    }

    private void shop(Site site, int dwellSeconds) {
        int entrance = site.cells()[0];
        travel(metro.route(here, entrance), -1, travelSeconds(here, entrance));
        visit(site, dwellSeconds);
    }

    private void goHome() {
        travel(metro.route(here, device.homeCell()), device.homeCell(), travelSeconds(here, device.homeCell()));
    }

    private int travelSeconds(int from, int to) {
        return (int) ((6 + 2.2 * metro.distanceKm(from, to)) * MINUTE);
    }

    /** Stays in the current cell (at home now and then in the neighbouring one) until {@code end}. */
    private void stayUntil(int end, int meanGap) {
        boolean home = here == device.homeCell();
        int t = now;
        while (true) {
            t += gap(home && t < 6 * HOUR ? NIGHT_GAP : meanGap);
            if (t >= end) {
                break;
            }
            rows.event(home && random.nextDouble() < HOME_NEIGHBOUR_SHARE ? device.homeNeighbourCell() : here, t);
        }
        now = Math.max(now, end);
    }

    /** A stay at a site: an event on arrival, frequent ones inside, one just before leaving. */
    private void visit(Site site, int dwellSeconds) {
        int[] cells = site.cells();
        int end = now + dwellSeconds;
        rows.event(cells[random.nextInt(cells.length)], now);
        int last = now;
        for (int t = now + gap(VISIT_GAP); t < end - MINUTE; t += gap(VISIT_GAP)) {
            rows.event(cells[random.nextInt(cells.length)], t);
            last = t;
        }
        int leaving = end - random.nextInt(MINUTE);
        if (leaving > last) {
            rows.event(cells[random.nextInt(cells.length)], leaving);
        }
        now = end;
        here = cells[0];
    }

    /** Moves along a route; {@code destination} -1 means the caller records the arrival itself. */
    private void travel(int[] route, int destination, int seconds) {
        for (int i = 0; i < route.length; i++) {
            if (random.nextDouble() < ROUTE_CELL_SEEN) {
                rows.event(route[i], now + (int) ((long) seconds * (i + 1) / (route.length + 1)));
            }
        }
        now += seconds;
        if (destination >= 0) {
            here = destination;
            rows.event(here, now);
        }
    }

    private int gap(int mean) {
        return 1 + (int) (-mean * Math.log(1 - random.nextDouble()));
    }

    private int jitter(int spread) {
        return random.nextInt(2 * spread + 1) - spread;
    }
}
