package io.crowdlens.bench;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.COMMUTING_OD;
import static io.crowdlens.db.Tables.SITE;
import static io.crowdlens.db.Tables.SITE_AREA;
import static io.crowdlens.db.Tables.VISITS_DAILY;
import static io.crowdlens.db.Tables.VISITS_RELEASE_SITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.common.Dataset;
import io.crowdlens.security.ApiTokenScope;
import io.crowdlens.security.ApiTokens;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.SignedIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The partner API under load, over real HTTP against a running portal: a fixed arrival rate (open
 * loop: requests are sent on schedule whether or not earlier ones have answered) over at most 50
 * connections in flight, a mix of presence heatmaps (7 days x 2 hours over 2,000 areas), visitors by
 * day (one site, 7 days) and OD matrices (5 districts). Latency is measured from each request's
 * scheduled start, so a queue in front of the portal counts (no coordinated omission). Results go to
 * docs/benchmarks.md. Not part of the normal test phase (surefire excludes *Benchmark); run with
 * {@code ./mvnw test -Dtest=PartnerApiLoadOnH2Benchmark} or {@code -Dtest=PartnerApiLoadOnPostgresBenchmark} (named so that -Dtest=Api* does not pick them up).
 */
abstract class ApiLoadBenchmark {

    static final int CONNECTIONS = 50;
    static final int[] RATES = {10, 25, 50};
    static final Duration STEP = Duration.ofSeconds(30);
    static final Duration WARM_UP = Duration.ofSeconds(15);
    static final int SITES = 20;
    static final int DISTRICTS = 30;

    @LocalServerPort int port;
    @Autowired DSLContext db;
    @Autowired ApiTokens tokens;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    abstract String engine();

    abstract String section();

    @Test
    void heatmapsVisitorsAndMatricesAtAFixedArrivalRate() throws Exception {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String load = BenchMachine.loadAverage();
        long loading = System.nanoTime();
        World world = world();
        double loadSeconds = (System.nanoTime() - loading) / 1e9;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(10)).build();

        run(http, world, 10, WARM_UP); // warm-up: JIT, connection pool, caches; not reported
        StringBuilder rows = new StringBuilder();
        for (int rate : RATES) {
            Step step = run(http, world, rate, STEP);
            rows.append(step.row(rate));
            System.out.println("API LOAD " + engine() + " " + step.row(rate).strip());
        }
        BenchReport.replaceSection(section(), """
                ## Partner API under load on %s

                Class `%s`, run %s (load average at start %s, 2 shared cores; the portal, the database and
                the load generator share the machine). A running portal on a random port; requests over real
                HTTP (JDK HttpClient, HTTP/1.1) with one partner token, rate limit raised out of the way.
                Open loop: each step sends requests at a fixed arrival rate for %d s, at most %d in flight
                (connections); latency from each request's scheduled start to its last byte, so waiting for
                a free connection counts. Mix: 40 %% presence heatmaps (7 days, 08:00-09:59, %,d areas,
                JSON), 40 %% visitors by day (one of %d sites, 7 days), 20 %% OD matrices (5 of %d districts).
                Every answer goes through the query services and the figure gate (licence, k, audit record
                per request). %d s warm-up at 10/s first, not reported. Data loaded in %.1f s.

                | arrival rate /s | sent | errors (non-200 or failed) | error rate | p50 ms | p95 ms | p99 ms | max ms | heatmap p95 | visitors p95 | matrix p95 | heap used after, MiB |
                |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                %s
                Peak heap of the JVM (portal and load generator together): %,d MiB.
                """.formatted(engine(), getClass().getSimpleName(), started, load, STEP.toSeconds(), CONNECTIONS,
                HeatmapBenchData.AREAS, SITES, DISTRICTS, WARM_UP.toSeconds(), loadSeconds, rows,
                BenchMachine.peakHeapMiB()));
        assertThat(rows).isNotEmpty();
    }

    private record World(String token, List<Long> sites, List<Long> districts) {
    }

    private World world() {
        HeatmapBenchData.load(db);
        Fixtures fixtures = new Fixtures(db);
        long org = db.select(APP_USER.ORGANISATION_ID).from(APP_USER).where(APP_USER.USERNAME.eq(HeatmapBenchData.USERNAME))
                .fetchSingle().value1();
        LocalDate first = HeatmapBenchData.FIRST_DAY;
        LocalDate last = first.plusDays(HeatmapBenchData.DAYS - 1);
        OffsetDateTime nextYear = OffsetDateTime.now().plusYears(1);
        fixtures.licence(org, Dataset.VISITS, HeatmapBenchData.LAYER, first, last, nextYear, null);
        fixtures.licence(org, Dataset.COMMUTING, HeatmapBenchData.LAYER, first, last, nextYear, null);
        List<Long> areas = db.select(AREA.ID).from(AREA).where(AREA.LAYER_CODE.eq(HeatmapBenchData.LAYER))
                .orderBy(AREA.ID).limit(Math.max(SITES, DISTRICTS)).fetch(AREA.ID);
        long visits = fixtures.publishedRelease(Dataset.VISITS, first, last, HeatmapBenchData.K);
        List<Long> sites = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            long site = db.insertInto(SITE).set(SITE.CODE, "BENCH-" + i).set(SITE.NAME, "Bench site " + i)
                    .set(SITE.CATEGORY, "shopping_centre").set(SITE.GEOMETRY, "{\"type\":\"Point\",\"coordinates\":[0,0]}")
                    .set(SITE.RADIUS_METRES, 200).set(SITE.LAT, 0.0).set(SITE.LON, 0.0)
                    .returningResult(SITE.ID).fetchSingle().value1();
            db.insertInto(SITE_AREA).set(SITE_AREA.SITE_ID, site).set(SITE_AREA.AREA_ID, areas.get(i)).execute();
            db.insertInto(VISITS_RELEASE_SITE).set(VISITS_RELEASE_SITE.RELEASE_ID, visits)
                    .set(VISITS_RELEASE_SITE.SITE_ID, site).execute();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                db.insertInto(VISITS_DAILY).set(VISITS_DAILY.RELEASE_ID, visits).set(VISITS_DAILY.SITE_ID, site)
                        .set(VISITS_DAILY.LOCAL_DAY, day).set(VISITS_DAILY.VISITORS, 20 + (i * 7 + day.getDayOfMonth()) % 200)
                        .execute();
            }
            sites.add(site);
        }
        long commuting = fixtures.publishedRelease(Dataset.COMMUTING, first, last, HeatmapBenchData.K);
        List<Long> districts = areas.subList(0, DISTRICTS);
        for (int h = 0; h < DISTRICTS; h++) {
            for (int w = 0; w < DISTRICTS; w++) {
                if (h != w) {
                    db.insertInto(COMMUTING_OD).set(COMMUTING_OD.RELEASE_ID, commuting)
                            .set(COMMUTING_OD.LAYER_CODE, HeatmapBenchData.LAYER).set(COMMUTING_OD.HOME_AREA_ID, districts.get(h))
                            .set(COMMUTING_OD.WORK_AREA_ID, districts.get(w)).set(COMMUTING_OD.COMMUTERS, 5 + (h * 31 + w * 17) % 120)
                            .execute();
                }
            }
        }
        SignedIn.as(accounts.loadUserByUsername(HeatmapBenchData.USERNAME), securityContext);
        try {
            String token = tokens.create("load benchmark", EnumSet.of(ApiTokenScope.PRESENCE, ApiTokenScope.VISITS,
                    ApiTokenScope.COMMUTING), 1).secret();
            return new World(token, sites, List.copyOf(districts));
        } finally {
            SignedIn.out(securityContext);
        }
    }

    /** One request of the mix, by its sequence number. */
    private String path(World world, long n) {
        LocalDate from = HeatmapBenchData.FIRST_DAY.plusDays(n % 7);
        LocalDate to = from.plusDays(6);
        long kind = n % 5;
        if (kind < 2) {
            return "heatmap|/api/v1/presence/layers/" + HeatmapBenchData.LAYER + "/heatmap?from=" + from + "&to=" + to
                    + "&firstHour=8&lastHour=9";
        }
        if (kind < 4) {
            return "visitors|/api/v1/visits/daily?site=" + world.sites().get((int) (n % SITES)) + "&from=" + from
                    + "&to=" + to;
        }
        int start = (int) (n % (DISTRICTS - 5));
        List<Long> five = world.districts().subList(start, start + 5);
        return "matrix|/api/v1/commuting/matrix?district=" + five.stream().map(String::valueOf)
                .reduce((a, b) -> a + "," + b).orElseThrow();
    }

    private record Sample(String kind, long micros, boolean ok) {
    }

    private Step run(HttpClient http, World world, int rate, Duration length) throws InterruptedException {
        Semaphore connections = new Semaphore(CONNECTIONS);
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long total = rate * length.toSeconds();
        CountDownLatch done = new CountDownLatch((int) total);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long n = 0; n < total; n++) {
                long scheduled = start + n * interval;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String[] request = path(world, n).split("\\|", 2);
                senders.submit(() -> {
                    boolean ok = false;
                    try {
                        connections.acquire();
                        try {
                            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + request[1]))
                                    .header("Authorization", "Bearer " + world.token())
                                    .timeout(Duration.ofSeconds(30)).GET().build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                            ok = response.statusCode() == 200;
                        } finally {
                            connections.release();
                        }
                    } catch (Exception failed) {
                        statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                    } finally {
                        samples.add(new Sample(request[0], (System.nanoTime() - scheduled) / 1000, ok));
                        done.countDown();
                    }
                });
            }
            done.await(2, TimeUnit.MINUTES);
        }
        return new Step(List.copyOf(samples), new TreeMap<>(statuses.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))));
    }

    private record Step(List<Sample> samples, Map<Integer, Integer> statuses) {

        String row(int rate) {
            long errors = samples.stream().filter(s -> !s.ok()).count();
            Runtime runtime = Runtime.getRuntime();
            long heap = (runtime.totalMemory() - runtime.freeMemory()) / (1 << 20);
            return String.format(Locale.ROOT, "| %d | %,d | %,d %s | %.2f %% | %s | %s | %s | %s | %s | %s | %s | %,d |%n",
                    rate, samples.size(), errors, statuses.toString(), 100.0 * errors / Math.max(1, samples.size()),
                    ms(all(), 50), ms(all(), 95), ms(all(), 99), ms(all(), 100), ms(of("heatmap"), 95),
                    ms(of("visitors"), 95), ms(of("matrix"), 95), heap);
        }

        private long[] all() {
            return samples.stream().mapToLong(Sample::micros).sorted().toArray();
        }

        private long[] of(String kind) {
            return samples.stream().filter(s -> s.kind().equals(kind)).mapToLong(Sample::micros).sorted().toArray();
        }

        private static String ms(long[] sorted, int percentile) {
            if (sorted.length == 0) {
                return "-";
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
            return String.format(Locale.ROOT, "%.1f", sorted[Math.max(0, index)] / 1000.0);
        }
    }
}
