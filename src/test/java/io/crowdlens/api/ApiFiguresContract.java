package io.crowdlens.api;

import static io.crowdlens.db.Tables.API_TOKEN;
import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.COMMUTING_OD;
import static io.crowdlens.db.Tables.CORRIDOR_PASS;
import static io.crowdlens.db.Tables.PRESENCE_DAILY;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;
import static io.crowdlens.db.Tables.VISITS_DAILY;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.export.ExportTarget;
import io.crowdlens.presence.DayFilter;
import io.crowdlens.presence.PresenceMetric;
import io.crowdlens.presence.PresenceQueryService;
import io.crowdlens.presence.PresenceSelection;
import io.crowdlens.security.ApiTokenScope;
import io.crowdlens.testing.ApiClient;
import io.crowdlens.visits.VisitsQueryService;
import io.crowdlens.visits.VisitsSelection;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figure endpoints over real HTTP. Every figure is compared with an independent computation from
 * the stored release rows (read here with jOOQ, the rules of docs/privacy.md applied by hand: each
 * stored figure checked against the partner's k before it is combined, the combination checked
 * again, hidden figures null and never 0), not with the service behind the endpoint. Then what is
 * blocked and refused, another organisation's objects, pinned releases, hostile parameters, and the
 * CSV and GeoJSON bodies.
 */
abstract class ApiFiguresContract extends ApiTestBase {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final LocalDate MON = ApiFixture.MON;
    private static final LocalDate TUE = MON.plusDays(1);

    @Autowired PresenceQueryService presence;
    @Autowired VisitsQueryService visits;

    /** Each test makes its own tokens; revoked afterwards, so the API contracts stay under the per-person maximum. */
    @AfterEach
    void revokeThisTestsTokens() {
        db.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, OffsetDateTime.now()).set(API_TOKEN.REVOKED_BY, "test")
                .where(API_TOKEN.REVOKED_AT.isNull()).and(API_TOKEN.NAME.like("test %"))
                .and(API_TOKEN.USER_ID.in(db.select(APP_USER.ID).from(APP_USER)
                        .where(APP_USER.USERNAME.in(ApiFixture.ANA, ApiFixture.ROB))))
                .execute();
    }

    private String heatmap(String query) {
        return "/api/v1/presence/layers/" + ApiFixture.LAYER + "/heatmap?" + query;
    }

    @Test
    void theHeatmapIsTheStoredHourlyFiguresAveragedAtYourK() throws Exception {
        String retail = f.token(ApiFixture.ANA).secret();
        String rival = f.token(ApiFixture.ROB).secret();
        String query = "from=" + MON + "&to=" + TUE + "&firstHour=8&lastHour=9&release=" + f.presenceRelease;

        JsonNode mine = ok(api.get(heatmap(query), retail));
        JsonNode theirs = ok(api.get(heatmap(query.replace("to=" + TUE, "to=" + MON)), rival));

        assertThat(figuresById(mine.get("areas"), "areaId"))
                .isEqualTo(averages(f.presenceRelease, 15, MON, TUE, DayFilter.EVERY_DAY, 8, 9,
                        Set.of(f.north, f.centre, f.south)));
        assertThat(figuresById(theirs.get("areas"), "areaId")).as("Rival: South only, at its own k of 20")
                .isEqualTo(averages(f.presenceRelease, 20, MON, MON, DayFilter.EVERY_DAY, 8, 9, Set.of(f.south)));
        assertThat(figuresById(mine.get("areas"), "areaId")).as("the rules applied by hand give these")
                .containsEntry(f.north, 26.0).containsEntry(f.centre, null).containsEntry(f.south, 16.5);
        assertThat(figuresById(theirs.get("areas"), "areaId")).containsEntry(f.south, 23.5);
        assertThat(theirs.get("areas").values()).hasSize(1);

        JsonNode about = mine.get("about");
        assertThat(about.get("release").get("id").asLong()).isEqualTo(f.presenceRelease);
        assertThat(about.get("yourMinimumCrowd").asInt()).isEqualTo(15);
        assertThat(theirs.get("about").get("yourMinimumCrowd").asInt()).isEqualTo(20);
        assertThat(about.get("privacy").asString()).isNotBlank();
        assertThat(about.get("description").asString()).startsWith("Average number of distinct devices per hour");
        assertThat(about.get("release").propertyNames()).doesNotContain("rowsRead", "rowsAccepted", "aggregateRows");
        JsonNode centre = byId(mine.get("areas"), "areaId", f.centre).get("figure");
        assertThat(centre.get("value").isNull()).as("hidden is null, never 0").isTrue();
        assertThat(centre.get("notShown").asString()).isEqualTo("not shown (below the minimum crowd)");
        JsonNode north = byId(mine.get("areas"), "areaId", f.north).get("figure");
        assertThat(north.get("margin95").asLong()).as("a release without noise: exact figures").isZero();
        assertThat(north.get("notShown").isNull()).isTrue();
    }

    @Test
    void thePeakAndTheWeekdayFilterFollowTheSameRules() throws Exception {
        String retail = f.token(ApiFixture.ANA).secret();

        JsonNode peak = ok(api.get(heatmap("from=" + MON + "&to=" + TUE + "&firstHour=8&lastHour=9&metric=peak-hour"
                + "&days=weekdays&release=" + f.presenceRelease), retail));

        Map<Long, Double> expected = new HashMap<>();
        for (long area : List.of(f.north, f.centre, f.south)) {
            int best = db.select(PRESENCE_HOURLY.DEVICES).from(PRESENCE_HOURLY)
                    .where(PRESENCE_HOURLY.RELEASE_ID.eq(f.presenceRelease)).and(PRESENCE_HOURLY.AREA_ID.eq(area))
                    .and(PRESENCE_HOURLY.LOCAL_DAY.between(MON, TUE)).and(PRESENCE_HOURLY.HOUR_OF_DAY.between((short) 8, (short) 9))
                    .fetch(PRESENCE_HOURLY.DEVICES).stream().filter(d -> d >= 15).mapToInt(Integer::intValue).max().orElse(0);
            expected.put(area, best >= 15 ? (double) best : null);
        }
        assertThat(figuresById(peak.get("areas"), "areaId")).isEqualTo(expected);
        assertThat(peak.get("metric").asString()).isEqualTo("peak-hour");
    }

    @Test
    void anAreasProfileAndDailySeriesAreItsStoredFiguresAtYourK() throws Exception {
        String retail = f.token(ApiFixture.ANA).secret();

        JsonNode profile = ok(api.get("/api/v1/presence/layers/" + ApiFixture.LAYER + "/areas/" + f.north
                + "/profile?from=" + MON + "&to=" + TUE + "&release=" + f.presenceRelease, retail));

        Map<Integer, Double> hours = new HashMap<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.put(hour, averages(f.presenceRelease, 15, MON, TUE, DayFilter.EVERY_DAY, hour, hour,
                    Set.of(f.north)).get(f.north));
        }
        Map<Integer, Double> shownHours = new HashMap<>();
        profile.get("hourlyProfile").values().forEach(h -> shownHours.put(h.get("hour").asInt(), value(h.get("figure"))));
        assertThat(shownHours).isEqualTo(hours);
        assertThat(shownHours).containsEntry(8, 35.0).containsEntry(9, 17.0).containsEntry(10, null);
        Map<String, Double> days = new LinkedHashMap<>();
        profile.get("dailySeries").values().forEach(d -> days.put(d.get("day").asString(), value(d.get("figure"))));
        Map<LocalDate, Integer> stored = db.select(PRESENCE_DAILY.LOCAL_DAY, PRESENCE_DAILY.DEVICES).from(PRESENCE_DAILY)
                .where(PRESENCE_DAILY.RELEASE_ID.eq(f.presenceRelease)).and(PRESENCE_DAILY.AREA_ID.eq(f.north))
                .fetchMap(PRESENCE_DAILY.LOCAL_DAY, PRESENCE_DAILY.DEVICES);
        Map<String, Double> expected = new LinkedHashMap<>();
        for (LocalDate day : List.of(MON, TUE)) {
            Integer devices = stored.get(day);
            expected.put(day.toString(), devices != null && devices >= 15 ? (double) devices : null);
        }
        assertThat(days).isEqualTo(expected);

        String rival = f.token(ApiFixture.ROB).secret();
        JsonNode south = ok(api.get("/api/v1/presence/layers/" + ApiFixture.LAYER + "/areas/" + f.south
                + "/profile?from=" + MON + "&to=" + TUE + "&release=" + f.presenceRelease, rival));
        assertThat(value(south.get("dailySeries").get(0).get("figure"))).isEqualTo(30.0);
        assertThat(value(south.get("dailySeries").get(1).get("figure"))).as("19 is below Rival's k of 20").isNull();
        assertThat(value(south.get("hourlyProfile").get(8).get("figure"))).as("(25 + 19 below k) / 2 = 12.5").isNull();
    }

    @Test
    void hourByHourGivesEachHoursHeatmap() throws Exception {
        String retail = f.token(ApiFixture.ANA).secret();

        JsonNode answer = ok(api.get("/api/v1/presence/layers/" + ApiFixture.LAYER + "/hour-by-hour?from=" + MON
                + "&to=" + MON + "&firstHour=8&lastHour=9&release=" + f.presenceRelease, retail));

        assertThat(answer.get("hours").values()).hasSize(2);
        for (JsonNode hour : answer.get("hours").values()) {
            int h = hour.get("hour").asInt();
            assertThat(figuresById(hour.get("areas"), "areaId")).isEqualTo(averages(f.presenceRelease, 15, MON, MON,
                    DayFilter.EVERY_DAY, h, h, Set.of(f.north, f.centre, f.south)));
        }
    }

    @Test
    void aSelectionThatShowsNothingIsBlockedWithThePortalsAdvice() throws Exception {
        String retail = f.token(ApiFixture.ANA).secret();

        HttpResponse<String> blocked = api.get(heatmap("from=" + ApiFixture.LAST + "&to=" + ApiFixture.LAST
                + "&release=" + f.presenceRelease), retail);

        JsonNode problem = assertProblem(blocked, 422, "selection-blocked");
        assertThat(problem.get("detail").asString()).isEqualTo("Too few people in this selection: widen the area or "
                + "the time window: add hours or days, or choose a coarser layer (every figure shown counts at least "
                + "15 devices).");
        assertProblem(api.get(heatmap("from=" + ApiFixture.LAST + "&to=" + ApiFixture.LAST + "&format=csv&release="
                + f.presenceRelease), retail), 422, "selection-blocked");
    }

    @Test
    void theHeatmapCsvIsThePortalsExportOfTheSameSelection() throws Exception {
        String retail = f.token(ApiFixture.ANA).secret();
        String query = "from=" + MON + "&to=" + TUE + "&firstHour=8&lastHour=9";

        HttpResponse<String> csv = api.get(heatmap(query + "&format=csv"), retail);
        HttpResponse<String> byHeader = api.get(heatmap(query), retail, "Accept", "text/csv");

        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(ApiClient.contentType(csv)).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".csv");
        assertThat(withoutGeneratedAt(byHeader.body())).isEqualTo(withoutGeneratedAt(csv.body()));
        ByteArrayOutputStream portal = new ByteArrayOutputStream();
        f.as(ApiFixture.ANA, () -> unchecked(() -> presence.exportHeatmap(new PresenceSelection(ApiFixture.LAYER, MON,
                TUE, DayFilter.EVERY_DAY, 8, 9, PresenceMetric.AVERAGE_HOURLY), ExportTarget.into(portal))));
        assertThat(withoutGeneratedAt(csv.body())).as("the portal's CSV for the same selection")
                .isEqualTo(withoutGeneratedAt(portal.toString(StandardCharsets.UTF_8)));
        // and its rows are the independent figures (served release: read from the answer itself)
        long served = Long.parseLong(metadata(csv.body(), "release"));
        Map<Long, Double> expected = averages(served, 15, MON, TUE, DayFilter.EVERY_DAY, 8, 9,
                Set.of(f.north, f.centre, f.south));
        Map<Long, Double> rows = new HashMap<>();
        for (String line : dataRows(csv.body())) {
            String[] cells = line.split(",", -1);
            rows.put(Long.parseLong(cells[0]), "true".equals(cells[4]) ? null : Double.valueOf(cells[2]));
            if ("true".equals(cells[4])) {
                assertThat(cells[2]).as("suppressed is empty, never 0").isEmpty();
            }
        }
        assertThat(rows).isEqualTo(expected);
    }

    @Test
    void theHeatmapInGeoJsonIsTheAreasWithTheirFiguresAsProperties() throws Exception {
        String retail = f.token(ApiFixture.ANA).secret();
        String query = "from=" + MON + "&to=" + TUE + "&firstHour=8&lastHour=9&release=" + f.presenceRelease;

        HttpResponse<String> geo = api.get(heatmap(query), retail, "Accept", "application/geo+json");

        assertThat(geo.statusCode()).as(geo.body()).isEqualTo(200);
        assertThat(ApiClient.contentType(geo)).startsWith("application/geo+json");
        JsonNode collection = ApiClient.json(geo);
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.get("about").get("release").get("id").asLong()).isEqualTo(f.presenceRelease);
        Map<Long, Double> values = new HashMap<>();
        for (JsonNode feature : collection.get("features").values()) {
            values.put(feature.get("id").asLong(), value(feature.get("properties")));
        }
        assertThat(values).isEqualTo(averages(f.presenceRelease, 15, MON, TUE, DayFilter.EVERY_DAY, 8, 9,
                Set.of(f.north, f.centre, f.south)));
        JsonNode north = collection.get("features").values().stream().filter(x -> x.get("id").asLong() == f.north)
                .findFirst().orElseThrow();
        assertThat(north.get("geometry")).isEqualTo(JSON.readTree(ApiFixture.NORTH_OUTLINE));
        assertThat(north.get("properties").get("name").asString()).isEqualTo("North");
    }

    @Test
    void anotherOrganisationsAreaOrLayerIsRefusedExactlyLikeOneThatDoesNotExist() throws Exception {
        String rival = f.token(ApiFixture.ROB).secret();
        String profile = "/profile?from=" + MON + "&to=" + TUE;
        String areas = "/api/v1/presence/layers/" + ApiFixture.LAYER + "/areas/";

        HttpResponse<String> elsewhere = api.get(areas + f.north + profile, rival);
        HttpResponse<String> nowhere = api.get(areas + 987654321 + profile, rival);
        HttpResponse<String> otherLayer = api.get("/api/v1/presence/layers/" + ApiFixture.OTHER_LAYER + "/heatmap?from="
                + MON + "&to=" + TUE, rival);
        HttpResponse<String> noLayer = api.get("/api/v1/presence/layers/no-such-layer/heatmap?from=" + MON + "&to="
                + TUE, rival);

        assertProblem(elsewhere, 403, "forbidden");
        for (HttpResponse<String> response : List.of(nowhere, otherLayer, noLayer)) {
            assertProblem(response, 403, "forbidden");
            assertThat(withoutInstance(response)).isEqualTo(withoutInstance(elsewhere));
        }
        assertThat(elsewhere.body()).doesNotContain("North", "API Retail");
    }

    @Test
    void visitorsByDayAreTheStoredDailyFiguresPerSiteAtYourK() throws Exception {
        String retail = f.token(ApiFixture.ANA, ApiTokenScope.VISITS).secret();
        String query = "site=" + f.mall + "&site=" + f.pier + "&from=" + MON + "&to=" + MON.plusDays(2) + "&release="
                + f.visitsRelease;

        JsonNode answer = ok(api.get("/api/v1/visits/daily?" + query, retail));

        assertThat(answer.get("sites").values()).extracting(s -> s.get("site").get("id").asLong())
                .containsExactly(f.mall, f.pier);
        for (JsonNode site : answer.get("sites").values()) {
            long id = site.get("site").get("id").asLong();
            Map<LocalDate, Integer> stored = db.select(VISITS_DAILY.LOCAL_DAY, VISITS_DAILY.VISITORS).from(VISITS_DAILY)
                    .where(VISITS_DAILY.RELEASE_ID.eq(f.visitsRelease)).and(VISITS_DAILY.SITE_ID.eq(id))
                    .fetchMap(VISITS_DAILY.LOCAL_DAY, VISITS_DAILY.VISITORS);
            Map<String, Double> expected = new LinkedHashMap<>();
            for (LocalDate day = MON; !day.isAfter(MON.plusDays(2)); day = day.plusDays(1)) {
                Integer visitors = stored.get(day);
                expected.put(day.toString(), visitors != null && visitors >= 15 ? (double) visitors : null);
            }
            Map<String, Double> shown = new LinkedHashMap<>();
            site.get("rows").values().forEach(r -> shown.put(r.get("day").asString(), value(r.get("visitors"))));
            assertThat(shown).isEqualTo(expected);
        }
        assertThat(answer.get("about").get("description").asString()).startsWith("Unique visitors per day");

        HttpResponse<String> csv = api.get("/api/v1/visits/daily?" + query.replace("&release=" + f.visitsRelease, "")
                + "&format=csv", retail);
        ByteArrayOutputStream portal = new ByteArrayOutputStream();
        f.as(ApiFixture.ANA, () -> unchecked(() -> visits.exportDailyVisitors(List.of(new VisitsSelection(
                List.of(f.mall, f.pier), MON, MON.plusDays(2))), ExportTarget.into(portal))));
        assertThat(withoutGeneratedAt(csv.body())).isEqualTo(withoutGeneratedAt(portal.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void comparingSitesGivesTheChangeOnlyBetweenShownFigures() throws Exception {
        String retail = f.token(ApiFixture.ANA, ApiTokenScope.VISITS).secret();

        JsonNode answer = ok(api.get("/api/v1/visits/comparison?site=" + f.mall + "," + f.pier + "&from=" + MON
                + "&to=" + MON.plusDays(2) + "&release=" + f.visitsRelease, retail));

        assertThat(answer.get("baseline").get("id").asLong()).isEqualTo(f.mall);
        JsonNode pier = answer.get("sites").get(1).get("rows");
        assertThat(pier.get(0).get("percentChange").asDouble()).as("25 against 30").isCloseTo(-16.67,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(pier.get(1).get("percentChange").isNull()).as("neither shown").isTrue();
        assertThat(pier.get(2).get("percentChange").isNull()).as("the mall's figure is not shown").isTrue();
    }

    @Test
    void anotherOrganisationsSiteIsRefusedExactlyLikeOneThatDoesNotExist() throws Exception {
        String rival = f.token(ApiFixture.ROB, ApiTokenScope.VISITS).secret();

        HttpResponse<String> elsewhere = api.get("/api/v1/visits/daily?site=" + f.mall + "&from=" + MON + "&to=" + TUE,
                rival);
        HttpResponse<String> nowhere = api.get("/api/v1/visits/daily?site=987654321&from=" + MON + "&to=" + TUE, rival);
        HttpResponse<String> mixed = api.get("/api/v1/visits/hourly?site=" + f.pier + "," + f.mall + "&from=" + MON
                + "&to=" + TUE, rival);
        HttpResponse<String> catchment = api.get("/api/v1/visits/catchment?site=" + f.mall, rival);

        assertProblem(elsewhere, 403, "forbidden");
        for (HttpResponse<String> response : List.of(nowhere, mixed, catchment)) {
            assertProblem(response, 403, "forbidden");
            assertThat(withoutInstance(response)).isEqualTo(withoutInstance(elsewhere));
        }
        assertThat(elsewhere.body()).doesNotContain("Harbour Mall", "API Retail");
    }

    @Test
    void theOdMatrixIsTheStoredPairsAtYourKWithTotalsOfShownCells() throws Exception {
        String retail = f.token(ApiFixture.ANA, ApiTokenScope.COMMUTING).secret();
        List<Long> ids = List.of(f.north, f.centre, f.south);

        JsonNode matrix = ok(api.get("/api/v1/commuting/matrix?district=" + f.north + "&district=" + f.centre
                + "&district=" + f.south + "&release=" + f.commutingRelease, retail));

        Map<List<Long>, Integer> stored = new HashMap<>();
        db.select(COMMUTING_OD.HOME_AREA_ID, COMMUTING_OD.WORK_AREA_ID, COMMUTING_OD.COMMUTERS).from(COMMUTING_OD)
                .where(COMMUTING_OD.RELEASE_ID.eq(f.commutingRelease))
                .forEach(r -> stored.put(List.of(r.value1(), r.value2()), r.value3()));
        double total = 0;
        for (int home = 0; home < 3; home++) {
            for (int work = 0; work < 3; work++) {
                Integer commuters = stored.get(List.of(ids.get(home), ids.get(work)));
                Double expected = home != work && commuters != null && commuters >= 15 ? (double) commuters : null;
                assertThat(value(matrix.get("cells").get(home).get(work))).as(home + "->" + work).isEqualTo(expected);
                total += expected == null ? 0 : expected;
            }
        }
        assertThat(value(matrix.get("total"))).isEqualTo(total);
        assertThat(total).isEqualTo(40 + 16 + 22 + 15);

        HttpResponse<String> csv = api.get("/api/v1/commuting/matrix?district=" + f.north + "," + f.centre
                + "&format=csv&release=" + f.commutingRelease, retail);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(dataRows(csv.body())).containsExactly(
                f.north + ",North," + f.centre + ",Centre,40,0,false",
                f.centre + ",Centre," + f.north + ",North,22,0,false");
    }

    @Test
    void aDistrictsFlowsListOnlyShownPairsAndTheirSums() throws Exception {
        String retail = f.token(ApiFixture.ANA, ApiTokenScope.COMMUTING).secret();

        JsonNode flows = ok(api.get("/api/v1/commuting/districts/" + f.north + "/flows?release=" + f.commutingRelease,
                retail));

        Map<Long, Double> outbound = new HashMap<>();
        flows.get("outbound").values().forEach(x -> outbound.put(x.get("work").get("id").asLong(), value(x.get("commuters"))));
        Map<Long, Double> expectedOut = new HashMap<>();
        db.select(COMMUTING_OD.WORK_AREA_ID, COMMUTING_OD.COMMUTERS).from(COMMUTING_OD)
                .where(COMMUTING_OD.RELEASE_ID.eq(f.commutingRelease)).and(COMMUTING_OD.HOME_AREA_ID.eq(f.north))
                .and(COMMUTING_OD.COMMUTERS.ge(15)).forEach(r -> expectedOut.put(r.value1(), (double) r.value2()));
        assertThat(outbound).isEqualTo(expectedOut);
        assertThat(value(flows.get("outboundTotal"))).isEqualTo(expectedOut.values().stream().mapToDouble(d -> d).sum());
        assertThat(flows.get("departuresOfResidents").values()).hasSize(24);

        JsonNode geo = ApiClient.json(api.get("/api/v1/commuting/districts/" + f.north + "/flows?format=geojson&release="
                + f.commutingRelease, retail));
        JsonNode centre = geo.get("features").values().stream().filter(x -> x.get("id").asLong() == f.centre)
                .findFirst().orElseThrow();
        assertThat(centre.get("properties").get("outbound").get("value").asDouble()).isEqualTo(40.0);
        assertThat(centre.get("properties").get("inbound").get("value").asDouble()).isEqualTo(22.0);
    }

    @Test
    void corridorCountsAreAveragesPerDayOfTheStoredPassesAtYourK() throws Exception {
        String retail = f.token(ApiFixture.ANA, ApiTokenScope.COMMUTING).secret();
        LocalDate to = MON.plusDays(6);

        JsonNode counts = ok(api.get("/api/v1/commuting/corridors/" + f.corridor + "/counts?from=" + MON + "&to=" + to
                + "&release=" + f.commutingRelease, retail));

        Map<String, Double> sums = new HashMap<>();
        db.select(CORRIDOR_PASS.LOCAL_DAY, CORRIDOR_PASS.HOUR_OF_DAY, CORRIDOR_PASS.DIRECTION, CORRIDOR_PASS.PASSES)
                .from(CORRIDOR_PASS).where(CORRIDOR_PASS.RELEASE_ID.eq(f.commutingRelease))
                .and(CORRIDOR_PASS.CORRIDOR_ID.eq(f.corridor)).and(CORRIDOR_PASS.LOCAL_DAY.between(MON, to))
                .and(CORRIDOR_PASS.PASSES.ge(15))
                .forEach(r -> sums.merge((weekend(r.value1()) ? "weekend" : "weekday") + "/"
                        + r.value3().toLowerCase(java.util.Locale.ROOT) + "/" + r.value2(), (double) r.value4(), Double::sum));
        Map<String, Double> expected = new HashMap<>();
        Map<String, Double> shown = new HashMap<>();
        for (JsonNode series : counts.get("series").values()) {
            int days = series.get("days").asInt();
            assertThat(days).isEqualTo(series.get("dayType").asString().equals("weekday") ? 5 : 2);
            for (JsonNode hour : series.get("hours").values()) {
                String key = series.get("dayType").asString() + "/" + series.get("direction").asString() + "/"
                        + hour.get("hour").asInt();
                double mean = sums.getOrDefault(key, 0.0) / days;
                expected.put(key, mean >= 15 ? Math.round(mean * 10) / 10.0 : null);
                shown.put(key, value(hour.get("averagePerDay")));
            }
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(shown).containsEntry("weekend/inbound/11", 25.0).containsEntry("weekday/outbound/8", null);
    }

    @Test
    void aPinnedReleaseAnswersFromItsOwnFiguresAndAWithdrawnOrUnknownOneIsNotAvailable() throws Exception {
        String retail = f.token(ApiFixture.ANA).secret();
        String query = "from=" + MON + "&to=" + MON + "&firstHour=8&lastHour=8&release=";

        JsonNode old = ok(api.get(heatmap(query + f.supersededPresence), retail));

        assertThat(old.get("about").get("release").get("id").asLong()).isEqualTo(f.supersededPresence);
        assertThat(figuresById(old.get("areas"), "areaId")).isEqualTo(averages(f.supersededPresence, 15, MON, MON,
                DayFilter.EVERY_DAY, 8, 8, Set.of(f.north, f.centre, f.south)));
        assertThat(figuresById(old.get("areas"), "areaId")).containsEntry(f.north, 44.0);
        HttpResponse<String> withdrawn = api.get(heatmap(query + f.withdrawnPresence), retail);
        HttpResponse<String> unknown = api.get(heatmap(query + 987654321), retail);
        HttpResponse<String> otherDataset = api.get(heatmap(query + f.visitsRelease), retail);
        assertProblem(withdrawn, 404, "release-not-available");
        for (HttpResponse<String> response : List.of(unknown, otherDataset)) {
            assertProblem(response, 404, "release-not-available");
            assertThat(withoutInstance(response)).isEqualTo(withoutInstance(withdrawn));
        }
    }

    @Test
    void hostileParametersGetClearProblemsAndEchoNothing() throws Exception {
        String retail = f.token(ApiFixture.ANA, ApiTokenScope.PRESENCE, ApiTokenScope.VISITS,
                ApiTokenScope.COMMUTING).secret();
        String injection = "x'%20or%20drop%20table%20area--";

        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put(heatmap("from=yesterday&to=" + TUE), "from");
        invalid.put(heatmap("from=2026-02-30&to=" + TUE), "from");
        invalid.put(heatmap("to=" + TUE), "from");
        invalid.put(heatmap("from=" + TUE + "&to=" + MON), "from");
        invalid.put(heatmap("from=" + MON + "&to=" + TUE + "&firstHour=99"), "firstHour");
        invalid.put(heatmap("from=" + MON + "&to=" + TUE + "&firstHour=9&lastHour=8"), "firstHour");
        invalid.put(heatmap("from=" + MON + "&to=" + TUE + "&days=" + injection), "days");
        invalid.put(heatmap("from=" + MON + "&to=" + TUE + "&metric=sum"), "metric");
        invalid.put(heatmap("from=" + MON + "&to=" + TUE + "&release=1%20OR%201=1"), "release");
        invalid.put(heatmap("from=" + MON + "&to=" + TUE + "&format=xml"), "format");
        invalid.put("/api/v1/presence/layers/" + injection + "/heatmap?from=" + MON + "&to=" + TUE, "layer");
        invalid.put("/api/v1/visits/daily?site=1%20OR%201=1&from=" + MON + "&to=" + TUE, "site");
        invalid.put("/api/v1/visits/daily?from=" + MON + "&to=" + TUE, "site");
        invalid.put("/api/v1/commuting/matrix?district=" + f.north, "district");
        invalid.put("/api/v1/commuting/districts/0x10/flows", "districtId");
        for (Map.Entry<String, String> request : invalid.entrySet()) {
            JsonNode problem = assertProblem(api.get(request.getKey(), retail), 400, "invalid-parameter");
            assertThat(problem.get("detail").asString()).as(request.getKey()).contains("'" + request.getValue() + "'")
                    .doesNotContain("drop", "OR 1=1", "yesterday");
        }
        String other = f.token(ApiFixture.ANA, ApiTokenScope.PRESENCE, ApiTokenScope.VISITS,
                ApiTokenScope.COMMUTING).secret();
        assertProblem(api.get(heatmap("from=2000-01-01&to=2030-12-31"), other), 422, "selection-too-large");
        assertProblem(api.get("/api/v1/commuting/corridors/" + f.corridor + "/counts?from=2026-01-01&to=2026-12-31",
                other), 422, "selection-too-large");
        StringBuilder many = new StringBuilder("/api/v1/commuting/matrix?district=");
        for (int i = 1; i <= 21; i++) {
            many.append(i == 1 ? "" : ",").append(i);
        }
        assertProblem(api.get(many.toString(), other), 422, "selection-too-large");
        assertProblem(api.get("/api/v1/visits/daily?site=1,2,3,4,5,6,7,8,9,10,11&from=" + MON + "&to=" + TUE, other),
                422, "selection-too-large");
        assertProblem(api.get("/api/v1/visits/comparison?site=" + f.mall + "&from=" + MON + "&to=" + TUE
                + "&format=csv", other), 400, "invalid-parameter");
        assertProblem(api.get("/api/v1/presence/layers/" + ApiFixture.LAYER + "/areas/" + f.north + "/profile?from="
                + MON + "&to=" + TUE, other, "Accept", "text/csv"), 406, "not-acceptable");
    }

    private interface Export {
        Object run() throws java.io.IOException;
    }

    /** The portal's export, as its download link runs it. */
    private static Object unchecked(Export export) {
        try {
            return export.run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- the rules applied by hand

    /** Per area: the mean over days x hours of the stored hourly figures that reach k, shown when it reaches k. */
    private Map<Long, Double> averages(long release, int k, LocalDate from, LocalDate to, DayFilter days,
            int firstHour, int lastHour, Set<Long> areas) {
        List<LocalDate> dates = from.datesUntil(to.plusDays(1)).filter(d -> days.includes(d.getDayOfWeek())).toList();
        int parts = dates.size() * (lastHour - firstHour + 1);
        Map<Long, Long> sums = new HashMap<>();
        db.select(PRESENCE_HOURLY.AREA_ID, PRESENCE_HOURLY.DEVICES).from(PRESENCE_HOURLY)
                .where(PRESENCE_HOURLY.RELEASE_ID.eq(release)).and(PRESENCE_HOURLY.LAYER_CODE.eq(ApiFixture.LAYER))
                .and(PRESENCE_HOURLY.LOCAL_DAY.in(dates))
                .and(PRESENCE_HOURLY.HOUR_OF_DAY.between((short) firstHour, (short) lastHour))
                .forEach(r -> {
                    if (r.value2() >= k) {
                        sums.merge(r.value1(), (long) r.value2(), Long::sum);
                    }
                });
        Map<Long, Double> expected = new HashMap<>();
        for (long area : areas) {
            double mean = sums.getOrDefault(area, 0L) / (double) parts;
            expected.put(area, mean >= k ? Math.round(mean * 10) / 10.0 : null);
        }
        return expected;
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(200);
        assertThat(ApiClient.contentType(response)).startsWith("application/json");
        return ApiClient.json(response);
    }

    /** A figure's value, or null when not shown (then it must say why). */
    private static Double value(JsonNode figure) {
        if (figure.get("value").isNull()) {
            assertThat(figure.get("notShown").asString()).isEqualTo("not shown (below the minimum crowd)");
            return null;
        }
        assertThat(figure.get("notShown").isNull()).isTrue();
        return figure.get("value").asDouble();
    }

    private static Map<Long, Double> figuresById(JsonNode rows, String idField) {
        Map<Long, Double> figures = new HashMap<>();
        rows.values().forEach(r -> figures.put(r.get(idField).asLong(), value(r.get("figure"))));
        return figures;
    }

    private static JsonNode byId(JsonNode rows, String idField, long id) {
        return rows.values().stream().filter(r -> r.get(idField).asLong() == id).findFirst().orElseThrow();
    }

    private static String withoutGeneratedAt(String csv) {
        return csv.replaceAll("(?m)^#generated_at,.*$", "#generated_at");
    }

    private static String metadata(String csv, String key) {
        return csv.lines().filter(l -> l.startsWith("#" + key + ",")).findFirst().orElseThrow()
                .substring(key.length() + 2);
    }

    /** The data rows: after the metadata lines and the header row. */
    private static List<String> dataRows(String csv) {
        List<String> lines = new ArrayList<>(csv.lines().toList());
        lines.removeIf(l -> l.startsWith("#"));
        return lines.subList(1, lines.size());
    }
}
