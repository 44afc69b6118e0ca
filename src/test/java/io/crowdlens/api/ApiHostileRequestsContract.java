package io.crowdlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.security.ApiTokenScope;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests a careless or hostile client sends: malformed ids, injection strings, oversized values,
 * unknown paths, wrong methods and formats, odd headers. Each is answered with a problem detail of a
 * stable type, and nothing else: no HTML page, no stack trace, no session, and no echo of the input
 * beyond {@code instance}, which is the request's own path as it was sent.
 */
abstract class ApiHostileRequestsContract extends ApiTestBase {

    static final String INJECTION = "' OR '1'='1'; DROP TABLE area; --";
    static final String SCRIPT = "<script>alert(1)</script>";

    @Test
    void malformedAndHostileParametersGetAProblemAndNothingElse() throws Exception {
        String token = f.token(ApiFixture.ANA, ApiTokenScope.PRESENCE, ApiTokenScope.VISITS, ApiTokenScope.COMMUTING)
                .secret();
        String areas = "/api/v1/presence/layers/" + ApiFixture.LAYER + "/areas";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/api/v1/presence/layers/" + enc(INJECTION) + "/areas", "400 invalid-parameter");
        expected.put("/api/v1/presence/layers/" + enc(SCRIPT) + "/areas", "400 invalid-parameter");
        expected.put("/api/v1/presence/layers/" + "a".repeat(2000) + "/areas", "400 invalid-parameter");
        expected.put(areas + "/abc", "400 invalid-parameter");
        expected.put(areas + "/" + enc(INJECTION), "400 invalid-parameter");
        expected.put(areas + "/99999999999999999999999999", "400 invalid-parameter");
        expected.put(areas + "/1e9", "400 invalid-parameter");
        expected.put(areas + "/-1", "403 forbidden");
        expected.put(areas + "?format=" + enc(SCRIPT), "400 invalid-parameter");
        expected.put(areas + "?format=geojson&format=json", "400 invalid-parameter");
        expected.put(areas + "?format=" + "x".repeat(3000), "400 invalid-parameter");
        expected.put("/api/v1/visits/sites/" + enc("1 OR 1=1"), "400 invalid-parameter");
        expected.put("/api/v1/visits/sites/0x10", "400 invalid-parameter");
        expected.put("/api/v1/commuting/corridors/" + Long.MIN_VALUE, "403 forbidden");
        expected.put("/api/v1/no-such-endpoint", "404 not-found");
        expected.put("/api/v1/presence/layers/" + ApiFixture.LAYER, "404 not-found");
        expected.put("/api/v2/datasets", "404 not-found");
        expected.put("/api/v1/datasets;jsessionid=abc", "400 invalid-parameter");
        expected.put("/api/v1/presence/layers/%2e%2e/areas", "400 invalid-parameter");

        for (Map.Entry<String, String> request : expected.entrySet()) {
            HttpResponse<String> response = api.get(request.getKey(), token);
            String[] want = request.getValue().split(" ");
            assertProblem(response, Integer.parseInt(want[0]), want[1]);
            assertThat(withoutInstance(response)).as("%s: only instance, the request's own path, repeats it",
                    request.getKey()).doesNotContain("DROP TABLE", "script", "aaaaaaaaaa", "xxxxxxxxxx", "1 OR 1",
                    "jsessionid");
            assertThat(response.headers().firstValue("Set-Cookie")).as("stateless: no session").isEmpty();
        }
    }

    @Test
    void wrongMethodsAndFormatsGetAProblemNotThePortalsPage() throws Exception {
        String token = f.token(ApiFixture.ANA).secret();

        HttpResponse<String> post = api.send("POST", "/api/v1/datasets", token);
        assertProblem(post, 405, "method-not-allowed");
        assertThat(post.headers().firstValue("Allow")).contains("GET");
        assertProblem(api.send("DELETE", "/api/v1/presence/layers", token), 405, "method-not-allowed");
        assertProblem(api.get("/api/v1/presence/layers", token, "Accept", "text/html"), 406, "not-acceptable");
        assertProblem(api.get("/api/v1/presence/layers", token, "Accept", "@@@ not a media type"), 406,
                "not-acceptable");
    }

    @Test
    void hostileAuthorizationHeadersGetThePlain401() throws Exception {
        HttpResponse<String> plain = api.get("/api/v1/datasets", null);
        for (String header : new String[] {"Bearer " + INJECTION, "Bearer clk_" + "A".repeat(4000), "Bearer ",
                "bearer", "Basic YW5hOnBhc3N3b3Jk", "Token abc", "Bearer " + SCRIPT}) {
            HttpResponse<String> response = api.get("/api/v1/datasets", null, "Authorization", header);
            assertProblem(response, 401, "unauthorized");
            assertThat(response.body()).isEqualTo(plain.body());
        }
    }

    @Test
    void theContractIsPublicAndEverythingElseUnderApiNeedsAToken() throws Exception {
        assertThat(api.get("/api/openapi", null).statusCode()).isEqualTo(200);
        assertProblem(api.get("/api/v1/no-such-endpoint", null), 401, "unauthorized");
        assertProblem(api.get("/api/v1/presence/layers", null), 401, "unauthorized");
        assertProblem(api.get("/api/anything", null), 401, "unauthorized");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
