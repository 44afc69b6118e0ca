package io.crowdlens.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A partner's script against a running portal: the JDK's HTTP client, a bearer token, no cookies, no redirects. */
public class ApiClient {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public ApiClient(int port) {
        this.port = port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** GET with {@code Authorization: Bearer <token>} (none when token is null) and extra header name/value pairs. */
    public HttpResponse<String> get(String path, String token, String... headers) throws IOException, InterruptedException {
        return send("GET", path, token, headers);
    }

    public HttpResponse<String> send(String method, String path, String token, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
