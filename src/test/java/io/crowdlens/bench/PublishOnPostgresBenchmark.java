package io.crowdlens.bench;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.presence.PresenceCount;
import io.crowdlens.pipeline.presence.PublishablePresence;
import io.crowdlens.pipeline.publish.AreaIds;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.OnPostgres;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing a presence release of the pipeline benchmark's size (about 100,000 rows) into
 * PostgreSQL, production's serving database, through the publisher's own write path
 * ({@link PublishablePresence#write}: hourly and daily rows in batches, then the map's day rows),
 * with the JDBC driver as configured before and after {@code reWriteBatchedInserts=true}
 * (application-postgres.properties), which turns each batch into multi-row INSERTs.
 */
@OnPostgres
@TestPropertySource(properties = "crowdlens.test.isolated-context=publish-bench-postgres")
class PublishOnPostgresBenchmark {

    private static final String LAYER = "publish-bench";
    private static final int AREAS = 300;
    private static final int DAYS = 14;
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 19);
    private static final int RUNS = 5;

    @Autowired DSLContext db;
    @Autowired DataSource springDataSource;

    @Test
    void publishingAHundredThousandPresenceRowsIntoPostgres() throws Exception {
        String loadAtStart = BenchMachine.loadAverage();
        AreaIds areaIds = areas();
        PublishablePresence presence = presence();
        long hourly = presence.published().stream().filter(c -> !c.isDaily()).count();

        Map<String, double[]> seconds = new HashMap<>();
        String url = springDataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        try (HikariDataSource rewriting = dataSource(url, true); HikariDataSource plain = dataSource(url, false)) {
            for (int run = 0; run < RUNS; run++) {
                // alternate, so that drift of the shared machine touches both alike
                for (var mode : List.of(Map.entry("batched inserts", plain), Map.entry("reWriteBatchedInserts=true", rewriting))) {
                    seconds.computeIfAbsent(mode.getKey(), k -> new double[RUNS])[run] =
                            publishOnce(mode.getValue(), presence, hourly, areaIds);
                }
            }
        }

        double plainMedian = median(seconds.get("batched inserts"));
        double rewritingMedian = median(seconds.get("reWriteBatchedInserts=true"));
        BenchReport.replaceSection("publish-postgres", String.format(Locale.ROOT, """
                ## Publishing presence into PostgreSQL

                Measured %s with `bench/run` (`PublishOnPostgresBenchmark`): %,d presence rows (%,d hourly
                and %,d daily over %d areas and %d days) written by `PublishablePresence#write` in one
                transaction, as the publisher does (hourly and daily rows in batches of 5,000, then the map's
                day rows derived inside PostgreSQL 18, embedded, same machine), %d runs of each, alternating.

                | JDBC driver setting | seconds per publish | median | rows per second (median) |
                |---|---|---|---|
                | batched inserts (driver default) | %s | %.2f s | %,.0f |
                | `reWriteBatchedInserts=true` (production setting) | %s | %.2f s | %,.0f |

                Load average (1/5/15 min) at start: %s; at the end: %s.
                """, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                presence.publishedRows(), hourly, presence.publishedRows() - hourly, AREAS, DAYS, RUNS,
                format(seconds.get("batched inserts")), plainMedian, presence.publishedRows() / plainMedian,
                format(seconds.get("reWriteBatchedInserts=true")), rewritingMedian,
                presence.publishedRows() / rewritingMedian, loadAtStart, BenchMachine.loadAverage()));
    }

    private double publishOnce(DataSource dataSource, PublishablePresence presence, long hourly, AreaIds areaIds) {
        DSLContext publishing = DSL.using(new TransactionAwareDataSourceProxy(dataSource), SQLDialect.POSTGRES);
        long release = new Fixtures(db).publishedRelease(Dataset.PRESENCE, FIRST_DAY, FIRST_DAY.plusDays(DAYS - 1), 15);
        long started = System.nanoTime();
        new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                .executeWithoutResult(status -> presence.write(publishing, release, areaIds));
        double elapsed = (System.nanoTime() - started) / 1e9;
        assertThat(db.fetchCount(PRESENCE_HOURLY, PRESENCE_HOURLY.RELEASE_ID.eq(release)))
                .isEqualTo((int) hourly);
        db.deleteFrom(DATA_RELEASE).where(DATA_RELEASE.ID.eq(release)).execute();
        return elapsed;
    }

    private AreaIds areas() {
        db.insertInto(AREA_LAYER).columns(AREA_LAYER.CODE, AREA_LAYER.NAME, AREA_LAYER.KIND)
                .values(LAYER, "Publish benchmark", "H3").onConflictDoNothing().execute();
        for (int a = 0; a < AREAS; a++) {
            db.insertInto(AREA).set(AREA.LAYER_CODE, LAYER).set(AREA.CODE, "a" + a).set(AREA.NAME, "Area " + a)
                    .set(AREA.GEOMETRY, "{\"type\":\"Point\",\"coordinates\":[13.4,52.5]}")
                    .set(AREA.CENTROID_LAT, 52.5).set(AREA.CENTROID_LON, 13.4)
                    .execute();
        }
        return AreaIds.read(db, List.of(LAYER));
    }

    private static PublishablePresence presence() {
        SplittableRandom random = new SplittableRandom(7);
        List<PresenceCount> counts = new ArrayList<>();
        for (int a = 0; a < AREAS; a++) {
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = FIRST_DAY.plusDays(d);
                for (int h = 0; h < 24; h++) {
                    counts.add(new PresenceCount(LAYER, "a" + a, day, h, 15 + random.nextInt(400)));
                }
                counts.add(new PresenceCount(LAYER, "a" + a, day, null, 100 + random.nextInt(2000)));
            }
        }
        return new PublishablePresence(counts, List.of());
    }

    /** A second pool on the test's own database, differing from it only in the driver setting. */
    private static HikariDataSource dataSource(String url, boolean rewriteBatchedInserts) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        ds.setMaximumPoolSize(2);
        ds.addDataSourceProperty("reWriteBatchedInserts", Boolean.toString(rewriteBatchedInserts));
        return ds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String format(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
    }
}
