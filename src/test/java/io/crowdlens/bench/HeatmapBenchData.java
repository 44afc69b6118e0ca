package io.crowdlens.bench;

import io.crowdlens.presence.PresenceDayHours;
import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;

import io.crowdlens.common.Dataset;
import io.crowdlens.security.Role;
import io.crowdlens.testing.Fixtures;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * A published presence release over 2,000 hexagonal areas (about the size of H3 resolution 8 cells
 * over a city) and 14 days, as the pipeline would leave it: one row per area, day and hour whose count
 * reached k (15); busier towards the centre and in the day, so about a fifth of the night hours are
 * below k and absent. One partner analyst licensed for the whole layer.
 */
public final class HeatmapBenchData {

    public static final String LAYER = "bench-hex";
    public static final int COLUMNS = 50;
    public static final int ROWS = 40;
    public static final int AREAS = COLUMNS * ROWS;
    public static final int DAYS = 14;
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 19);
    public static final String USERNAME = "bench@analyst.test";
    public static final String PASSWORD = "bench-password";
    public static final int K = 15;

    public record Loaded(long release, long hourlyRows) {
    }

    private HeatmapBenchData() {
    }

    public static Loaded load(DSLContext db) {
        Fixtures fixtures = new Fixtures(db);
        long org = fixtures.organisation("Bench Co");
        fixtures.user(org, USERNAME, "{noop}" + PASSWORD, Role.PARTNER_ANALYST);
        db.insertInto(AREA_LAYER).columns(AREA_LAYER.CODE, AREA_LAYER.NAME, AREA_LAYER.KIND)
                .values(LAYER, "Benchmark hexagons", "H3").execute();
        long[] areaIds = hexagons(db);
        fixtures.licence(org, Dataset.PRESENCE, LAYER, FIRST_DAY, FIRST_DAY.plusDays(DAYS - 1),
                OffsetDateTime.now().plusYears(1), null);
        long release = fixtures.publishedRelease(Dataset.PRESENCE, FIRST_DAY, FIRST_DAY.plusDays(DAYS - 1), K);
        return new Loaded(release, hourly(db, release, areaIds));
    }

    /** 50 x 40 pointy hexagons around 52.52 N, 13.40 E, each about 0.5 km across. */
    private static long[] hexagons(DSLContext db) {
        double dLat = 0.0040;
        double dLon = 0.0066;
        double lat0 = 52.52 - ROWS / 2.0 * dLat * 0.75;
        double lon0 = 13.40 - COLUMNS / 2.0 * dLon;
        List<Query> inserts = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLUMNS; c++) {
                double lat = lat0 + r * dLat * 0.75;
                double lon = lon0 + c * dLon + (r % 2) * dLon / 2;
                StringBuilder ring = new StringBuilder();
                for (int i = 0; i <= 6; i++) {
                    double a = Math.toRadians(60 * (i % 6) + 30);
                    ring.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.6f,%.6f]",
                            lon + Math.cos(a) * dLon / 2 / Math.cos(Math.toRadians(30)) * 0.98,
                            lat + Math.sin(a) * dLat / 2 * 0.98));
                }
                inserts.add(db.insertInto(AREA)
                        .set(AREA.LAYER_CODE, LAYER).set(AREA.CODE, "hex-" + r + "-" + c)
                        .set(AREA.NAME, String.format("Hexagon %02d-%02d", r, c))
                        .set(AREA.GEOMETRY, "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}")
                        .set(AREA.CENTROID_LAT, lat).set(AREA.CENTROID_LON, lon));
            }
        }
        db.batch(inserts).execute();
        return db.select(AREA.ID).from(AREA).where(AREA.LAYER_CODE.eq(LAYER)).orderBy(AREA.ID)
                .fetch(AREA.ID).stream().mapToLong(Long::longValue).toArray();
    }

    private static long hourly(DSLContext db, long release, long[] areaIds) {
        SplittableRandom random = new SplittableRandom(42);
        long rows = 0;
        var batch = db.batch(db.insertInto(PRESENCE_HOURLY, PRESENCE_HOURLY.RELEASE_ID, PRESENCE_HOURLY.LAYER_CODE,
                PRESENCE_HOURLY.LOCAL_DAY, PRESENCE_HOURLY.HOUR_OF_DAY, PRESENCE_HOURLY.AREA_ID,
                PRESENCE_HOURLY.DEVICES).values((Long) null, null, null, null, null, null));
        int pending = 0;
        for (int i = 0; i < areaIds.length; i++) {
            int r = i / COLUMNS;
            int c = i % COLUMNS;
            double fromCentre = Math.hypot((r - ROWS / 2.0) / ROWS, (c - COLUMNS / 2.0) / COLUMNS);
            double base = 40 + 400 * Math.exp(-fromCentre * 6);
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = FIRST_DAY.plusDays(d);
                for (int h = 0; h < 24; h++) {
                    double daytime = 0.25 + 0.75 * Math.max(0, Math.sin(Math.PI * (h - 5) / 17.0));
                    int devices = (int) Math.round(base * daytime * (0.7 + 0.6 * random.nextDouble()));
                    if (devices < K) {
                        continue;
                    }
                    batch = batch.bind(release, LAYER, day, (short) h, areaIds[i], devices);
                    rows++;
                    if (++pending == 20_000) {
                        batch.execute();
                        batch = db.batch(db.insertInto(PRESENCE_HOURLY, PRESENCE_HOURLY.RELEASE_ID,
                                PRESENCE_HOURLY.LAYER_CODE, PRESENCE_HOURLY.LOCAL_DAY, PRESENCE_HOURLY.HOUR_OF_DAY,
                                PRESENCE_HOURLY.AREA_ID, PRESENCE_HOURLY.DEVICES)
                                .values((Long) null, null, null, null, null, null));
                        pending = 0;
                    }
                }
            }
        }
        if (pending > 0) {
            batch.execute();
        }
        PresenceDayHours.project(db, release);
        return rows;
    }
}
