package io.crowdlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.testing.ApiClient;
import io.crowdlens.testing.HttpBrowser;
import io.crowdlens.testing.OnH2OverHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI contract served by a running portal is the committed docs/openapi.json. This test only
 * compares; after an intended change, {@link RegenerateOpenApiSpec} rewrites the file (docs/api.md).
 */
@OnH2OverHttp
class OpenApiContractTest extends ApiTestBase {

    static final Path COMMITTED = Path.of("docs", "openapi.json");
    static final String REGENERATE = "./mvnw test -Dtest=RegenerateOpenApiSpec";

    @Test
    void theServedContractIsTheCommittedOne() throws Exception {
        HttpResponse<String> served = api.get("/api/openapi", null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(Files.exists(COMMITTED)).as("%s is committed; create it with %s", COMMITTED, REGENERATE).isTrue();

        JsonNode committed = JsonMapper.shared().readTree(Files.readString(COMMITTED));

        assertThat(ApiClient.json(served))
                .withFailMessage("The served OpenAPI contract differs from %s. If the change is intended, run %s and "
                        + "review the diff.", COMMITTED, REGENERATE)
                .isEqualTo(committed);
    }

    @Test
    void theContractIsOpenApi31WithBearerTokensAndProblemDetailsOnEveryOperation() throws Exception {
        JsonNode contract = ApiClient.json(api.get("/api/openapi", null));

        assertThat(contract.get("openapi").asString()).startsWith("3.1");
        assertThat(contract.get("components").get("securitySchemes").get("bearerToken").get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(contract.get("paths").propertyNames()).contains("/api/v1/datasets", "/api/v1/releases",
                "/api/v1/token", "/api/v1/presence/layers", "/api/v1/presence/layers/{layer}/areas",
                "/api/v1/presence/layers/{layer}/areas/{areaId}", "/api/v1/visits/sites", "/api/v1/visits/sites/{siteId}",
                "/api/v1/commuting/districts", "/api/v1/commuting/districts/{districtId}",
                "/api/v1/commuting/corridors", "/api/v1/commuting/corridors/{corridorId}")
                .allMatch(path -> path.startsWith("/api/v1/"));
        List<String> operations = new ArrayList<>();
        contract.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            operations.add(path.getKey());
            assertThat(operation.getValue().get("responses").propertyNames()).as(path.getKey())
                    .contains("200", "401", "403", "429", "503");
            assertThat(operation.getValue().get("responses").get("401").get("content").propertyNames())
                    .containsExactly("application/problem+json");
        }));
        assertThat(operations).hasSize(contract.get("paths").size());
    }

    @Test
    void theInteractivePageIsForSignedInUsersOnly() throws Exception {
        HttpBrowser anonymous = new HttpBrowser(port);
        HttpResponse<String> refused = anonymous.get("/swagger-ui/index.html");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(HttpBrowser.location(refused)).endsWith("/login");

        HttpBrowser signedIn = new HttpBrowser(port);
        assertThat(HttpBrowser.location(signedIn.signIn(ApiFixture.ANA, ApiFixture.PASSWORD))).doesNotContain("error");
        HttpResponse<String> page = signedIn.get("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        HttpResponse<String> config = signedIn.get("/api/openapi/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/api/openapi");
    }
}
