package io.crowdlens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Errors that happen outside the Vaadin views (a forged form post, a missing static file, a broken
 * request) reach a browser as CrowdLens pages that say what happened, never Spring's "Whitelabel" page
 * with its exception names and timestamps. Over real HTTP, as a browser asks (Accept: text/html).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FriendlyErrorPagesHttpTest {

    @LocalServerPort int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aBrokenRequestGetsTheRequestPageNotWhitelabel() throws Exception {
        // a path with an encoded slash is refused by Spring Security's firewall before any page is looked up
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/overview%2F..%2Fadmin"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(400, 499);
        assertFriendly(response, "The request could not be answered");
    }

    @Test
    void aMissingStaticFileGetsTheNotFoundPage() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/VAADIN/no-such-file.js"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertFriendly(response, "This page does not exist");
    }

    @Test
    void theErrorAddressItselfShowsAFriendlyPage() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/error"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).doesNotContain("Whitelabel").contains("CrowdLens");
    }

    private void assertFriendly(HttpResponse<String> response, String title) {
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(response.body()).contains(title, "Go to the start page")
                .doesNotContain("Whitelabel", "Exception", "timestamp", "org.springframework");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
