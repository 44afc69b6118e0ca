package io.crowdlens.api;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.CORRIDOR;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.common.Dataset;
import io.crowdlens.security.ApiTokenScope;
import io.crowdlens.testing.ApiClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue over real HTTP, each answer compared with the stored rows read directly (not with
 * the service behind the endpoint): what a licence covers, and for another organisation's objects
 * the same answer as for objects that do not exist.
 */
abstract class ApiCatalogueContract extends ApiTestBase {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void releasesNameTheirPeriodAndPrivacyParametersButNeverInputCounts() throws Exception {
        String token = f.token(ApiFixture.ROB, ApiTokenScope.PRESENCE, ApiTokenScope.VISITS).secret();

        HttpResponse<String> response = api.get("/api/v1/releases", token);

        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> releases = List.copyOf(ApiClient.json(response).get("releases").values());
        assertThat(releases).extracting(r -> r.get("dataset").asString()).containsExactly("PRESENCE", "VISITS");
        for (JsonNode release : releases) {
            Record stored = servedRelease(Dataset.valueOf(release.get("dataset").asString()));
            assertThat(release.get("id").asLong()).isEqualTo(stored.get(DATA_RELEASE.ID));
            assertThat(release.get("periodFrom").asString()).isEqualTo(stored.get(DATA_RELEASE.PERIOD_FROM).toString());
            assertThat(release.get("periodTo").asString()).isEqualTo(stored.get(DATA_RELEASE.PERIOD_TO).toString());
            assertThat(release.get("timeZone").asString()).isEqualTo(stored.get(DATA_RELEASE.TIME_ZONE));
            assertThat(release.get("minimumCrowd").asInt()).isEqualTo(stored.get(DATA_RELEASE.K_THRESHOLD));
            assertThat(release.get("rounding").asInt()).isEqualTo(stored.get(DATA_RELEASE.ROUNDING));
            assertThat(release.get("optOutListVersion").asString())
                    .isEqualTo(stored.get(DATA_RELEASE.OPTOUT_LIST_VERSION));
            assertThat(release.propertyNames()).as("PRIVACY.md rule 5: exact input counts are for operator staff")
                    .doesNotContain("rowsRead", "rowsAccepted", "rowsRejected", "aggregateRows", "pipelineMillis",
                            "engine");
        }
        JsonNode presence = releases.getFirst();
        assertThat(presence.get("yourMinimumCrowd").asInt()).as("Rival's presence licence raises k to 20").isEqualTo(20);
        assertThat(releases.get(1).get("yourMinimumCrowd").asInt()).isEqualTo(15);
    }

    @Test
    void datasetsAreThoseTheTokenWasCreatedForWithTheServedReleaseAndYourK() throws Exception {
        String token = f.token(ApiFixture.ANA, ApiTokenScope.PRESENCE, ApiTokenScope.COMMUTING).secret();

        List<JsonNode> datasets = List.copyOf(ApiClient.json(api.get("/api/v1/datasets", token)).get("datasets").values());

        assertThat(datasets).extracting(d -> d.get("dataset").asString()).containsExactly("PRESENCE", "COMMUTING");
        assertThat(datasets).extracting(d -> d.get("release").get("id").asLong()).containsExactly(
                servedRelease(Dataset.PRESENCE).get(DATA_RELEASE.ID), servedRelease(Dataset.COMMUTING).get(DATA_RELEASE.ID));
        assertThat(datasets).extracting(d -> d.get("yourMinimumCrowd").asInt()).containsExactly(15, 15);
    }

    @Test
    void presenceAreasAreThoseOfTheLicenceWithOutlinesInGeoJson() throws Exception {
        String retail = f.token(ApiFixture.ANA).secret();
        String rival = f.token(ApiFixture.ROB).secret();

        JsonNode layers = ApiClient.json(api.get("/api/v1/presence/layers", retail));
        assertThat(layers.get("layers").values()).extracting(l -> l.get("code").asString())
                .containsExactlyInAnyOrder(ApiFixture.LAYER, ApiFixture.OTHER_LAYER);
        assertThat(ApiClient.json(api.get("/api/v1/presence/layers", rival)).get("layers").values())
                .extracting(l -> l.get("code").asString()).containsExactly(ApiFixture.LAYER);
        assertThat(layers.get("firstDay").asString()).isEqualTo(ApiFixture.MON.toString());
        assertThat(layers.get("lastDay").asString()).isEqualTo(ApiFixture.LAST.toString());

        String path = "/api/v1/presence/layers/" + ApiFixture.LAYER + "/areas";
        assertThat(areaNames(api.get(path, retail))).isEqualTo(storedAreaNames());
        assertThat(areaNames(api.get(path, rival))).as("Rival's licence covers South only")
                .isEqualTo(Map.of(f.south, "South"));

        for (HttpResponse<String> geo : List.of(api.get(path + "?format=geojson", retail),
                api.get(path, retail, "Accept", "application/geo+json"),
                api.get(path, retail, "Accept", "text/html;q=0.9, application/geo+json"))) {
            assertThat(geo.statusCode()).isEqualTo(200);
            assertThat(ApiClient.contentType(geo)).startsWith("application/geo+json");
            JsonNode collection = ApiClient.json(geo);
            assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
            Map<Long, JsonNode> features = collection.get("features").values().stream()
                    .collect(Collectors.toMap(x -> x.get("id").asLong(), x -> x));
            assertThat(features.keySet()).containsExactlyInAnyOrderElementsOf(storedAreaNames().keySet());
            JsonNode north = features.get(f.north);
            assertThat(north.get("type").asString()).isEqualTo("Feature");
            assertThat(north.get("properties").get("name").asString()).isEqualTo("North");
            assertThat(north.get("geometry")).isEqualTo(JSON.readTree(ApiFixture.NORTH_OUTLINE));
        }
        HttpResponse<String> one = api.get(path + "/" + f.north + "?format=geojson", retail);
        assertThat(ApiClient.json(one).get("geometry")).isEqualTo(JSON.readTree(ApiFixture.NORTH_OUTLINE));
        assertThat(ApiClient.json(api.get(path + "/" + f.south, rival)).get("name").asString()).isEqualTo("South");
    }

    @Test
    void anotherOrganisationsAreaSiteOrLayerAnswersExactlyLikeOneThatDoesNotExist() throws Exception {
        String rival = f.token(ApiFixture.ROB, ApiTokenScope.PRESENCE, ApiTokenScope.VISITS).secret();
        String areas = "/api/v1/presence/layers/" + ApiFixture.LAYER + "/areas/";

        HttpResponse<String> licensedElsewhere = api.get(areas + f.north, rival);
        HttpResponse<String> nowhere = api.get(areas + Long.MAX_VALUE, rival);
        HttpResponse<String> otherLayer = api.get("/api/v1/presence/layers/" + ApiFixture.OTHER_LAYER + "/areas", rival);
        HttpResponse<String> noLayer = api.get("/api/v1/presence/layers/no-such-layer/areas", rival);
        HttpResponse<String> siteElsewhere = api.get("/api/v1/visits/sites/" + f.mall, rival);
        HttpResponse<String> noSite = api.get("/api/v1/visits/sites/" + Long.MAX_VALUE, rival);

        assertProblem(licensedElsewhere, 403, "forbidden");
        for (HttpResponse<String> response : List.of(nowhere, otherLayer, noLayer, siteElsewhere, noSite)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertProblem(response, 403, "forbidden");
            assertThat(withoutInstance(response)).isEqualTo(withoutInstance(licensedElsewhere));
        }
        assertThat(licensedElsewhere.body()).doesNotContain("North", "Harbour Mall", "API Retail");
    }

    @Test
    void sitesAreThoseInLicensedAreasWithPointsAndOutlines() throws Exception {
        String retail = f.token(ApiFixture.ANA, ApiTokenScope.VISITS).secret();
        String rival = f.token(ApiFixture.ROB, ApiTokenScope.VISITS).secret();

        JsonNode all = ApiClient.json(api.get("/api/v1/visits/sites", retail));
        assertThat(all.get("sites").values()).extracting(s -> s.get("code").asString())
                .containsExactlyInAnyOrder("API-MALL", "API-PIER");
        assertThat(all.get("release").get("id").asLong()).isEqualTo(servedRelease(Dataset.VISITS).get(DATA_RELEASE.ID));
        JsonNode mall = all.get("sites").values().stream().filter(s -> s.get("id").asLong() == f.mall).findFirst()
                .orElseThrow();
        Record stored = db.selectFrom(SITE).where(SITE.ID.eq(f.mall)).fetchSingle();
        assertThat(mall.get("name").asString()).isEqualTo(stored.get(SITE.NAME));
        assertThat(mall.get("radiusMetres").asInt()).isEqualTo(stored.get(SITE.RADIUS_METRES));
        assertThat(ApiClient.json(api.get("/api/v1/visits/sites", rival)).get("sites").values())
                .extracting(s -> s.get("code").asString()).containsExactly("API-PIER");

        JsonNode geo = ApiClient.json(api.get("/api/v1/visits/sites/" + f.mall + "?format=geojson", retail));
        assertThat(geo.get("geometry")).isEqualTo(JSON.readTree(stored.get(SITE.GEOMETRY)));
        assertThat(geo.get("properties").get("code").asString()).isEqualTo("API-MALL");
    }

    @Test
    void commutingDistrictsAndCorridorsComeWithTheirLinesAndOutlines() throws Exception {
        String retail = f.token(ApiFixture.ANA, ApiTokenScope.COMMUTING).secret();

        JsonNode districts = ApiClient.json(api.get("/api/v1/commuting/districts", retail));
        assertThat(districts.get("districts").values().stream()
                .collect(Collectors.toMap(d -> d.get("id").asLong(), d -> d.get("name").asString())))
                .isEqualTo(storedAreaNames());
        JsonNode corridors = ApiClient.json(api.get("/api/v1/commuting/corridors", retail));
        assertThat(corridors.get("corridors").values()).extracting(c -> c.get("code").asString())
                .containsExactly("K-API");
        JsonNode line = ApiClient.json(api.get("/api/v1/commuting/corridors?format=geojson", retail));
        assertThat(line.get("features").get(0).get("geometry")).isEqualTo(JSON.readTree(
                db.select(CORRIDOR.GEOMETRY).from(CORRIDOR).where(CORRIDOR.ID.eq(f.corridor)).fetchSingle().value1()));
        assertThat(ApiClient.json(api.get("/api/v1/commuting/districts/" + f.north, retail)).get("code").asString())
                .isEqualTo("api-north");
    }

    @Test
    void aFormatTheEndpointDoesNotOfferIsRefusedWithAProblem() throws Exception {
        String token = f.token(ApiFixture.ANA).secret();
        String path = "/api/v1/presence/layers/" + ApiFixture.LAYER + "/areas";

        assertProblem(api.get(path, token, "Accept", "text/csv"), 406, "not-acceptable");
        assertProblem(api.get(path, token, "Accept", "text/html"), 406, "not-acceptable");
        assertProblem(api.get("/api/v1/datasets", token, "Accept", "application/geo+json"), 406, "not-acceptable");
        assertProblem(api.get(path + "?format=xml", token), 400, "invalid-parameter");
        assertThat(api.get(path, token, "Accept", "*/*").statusCode()).isEqualTo(200);
        assertThat(ApiClient.contentType(api.get(path, token, "Accept", "*/*"))).startsWith("application/json");
    }

    private Map<Long, String> areaNames(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ApiClient.contentType(response)).startsWith("application/json");
        return ApiClient.json(response).get("areas").values().stream()
                .collect(Collectors.toMap(a -> a.get("id").asLong(), a -> a.get("name").asString()));
    }

    private Map<Long, String> storedAreaNames() {
        return db.select(AREA.ID, AREA.NAME).from(AREA).where(AREA.LAYER_CODE.eq(ApiFixture.LAYER))
                .fetchMap(AREA.ID, AREA.NAME);
    }

    /** The newest published release of a dataset, read straight from the table. */
    private Record servedRelease(Dataset dataset) {
        return db.selectFrom(DATA_RELEASE).where(DATA_RELEASE.DATASET.eq(dataset.name()))
                .and(DATA_RELEASE.STATUS.eq("PUBLISHED"))
                .orderBy(DATA_RELEASE.PUBLISHED_AT.desc(), DATA_RELEASE.ID.desc()).limit(1).fetchSingle();
    }
}
