package io.crowdlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.testing.ApiClient;
import io.crowdlens.testing.OnH2OverHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: the command that rewrites docs/openapi.json from the contract a running portal serves,
 * run on purpose after an intended change ({@code ./mvnw test -Dtest=RegenerateOpenApiSpec}). Its name
 * keeps it out of the normal test run; {@link OpenApiContractTest} only ever compares.
 */
@OnH2OverHttp
class RegenerateOpenApiSpec extends ApiTestBase {

    @Test
    void writesTheServedContractToDocs() throws Exception {
        HttpResponse<String> served = api.get("/api/openapi", null);
        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode contract = ApiClient.json(served);

        JsonMapper pretty = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(OpenApiContractTest.COMMITTED, pretty.writeValueAsString(contract) + "\n");

        assertThat(JsonMapper.shared().readTree(Files.readString(OpenApiContractTest.COMMITTED))).isEqualTo(contract);
    }
}
