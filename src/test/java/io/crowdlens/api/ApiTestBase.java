package io.crowdlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.security.ApiTokens;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.ApiClient;
import java.net.http.HttpResponse;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What every partner-API contract test shares: a running portal (H2 or PostgreSQL, chosen by the
 * subclass), the world of {@link ApiFixture}, and a client. One property set, so that every API
 * contract on one database runs in one cached Spring context.
 */
@TestPropertySource(properties = {
        "crowdlens.security.max-failed-sign-ins=3",
        "crowdlens.security.max-failures-per-address=5",
        "crowdlens.api.rate-limit=30",
        "crowdlens.api.rate-period=60s",
        "crowdlens.api.tokens.max-active-per-user=25"})
abstract class ApiTestBase {

    static final int RATE_LIMIT = 30;
    static final int MAX_ACTIVE_TOKENS = 25;
    static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort int port;
    @Autowired DSLContext db;
    @Autowired ApiTokens tokens;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;
    @Autowired PasswordEncoder encoder;

    ApiFixture f;
    ApiClient api;

    @BeforeEach
    void world() {
        f = ApiFixture.in(db, tokens, accounts, securityContext, encoder);
        api = new ApiClient(port);
    }

    /** A problem detail of the given type, and nothing else: no stack trace, no HTML, no echo of input. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(ApiClient.contentType(response)).as(response.uri().toString()).startsWith(PROBLEM_JSON);
        JsonNode body = ApiClient.json(response);
        assertThat(body.get("type").asString()).isEqualTo("urn:crowdlens:problem:" + slug);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance");
        assertThat(body.get("instance").asString()).as("the request's own path").isEqualTo(response.uri().getRawPath());
        assertThat(response.body()).doesNotContain("Exception", "at io.crowdlens", "<html", "<!DOCTYPE");
        return body;
    }

    /** A problem's body without its {@code instance} (the request's own path), to compare answers to different paths. */
    static String withoutInstance(HttpResponse<String> response) {
        tools.jackson.databind.node.ObjectNode body = (tools.jackson.databind.node.ObjectNode) ApiClient.json(response);
        body.remove("instance");
        return body.toString();
    }
}
