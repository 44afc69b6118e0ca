package io.crowdlens.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal browser for HTTP-level tests against a running portal: cookie jar, no redirects
 * followed, the CSRF token taken from the page (Vaadin's bootstrap page carries it in a meta tag).
 */
public class HttpBrowser {

    static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    final int port;
    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String forwardedFor;

    public HttpBrowser(int port) {
        this.port = port;
    }

    /** Sends a (forged) X-Forwarded-For header with every request. */
    public HttpBrowser claimingToBe(String address) {
        this.forwardedFor = address;
        return this;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> getWithBasic(String path, String user, String password)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(request(path).header("Authorization", "Basic " + basic).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
        return postForm("/login", "/login", "username=" + enc(user) + "&password=" + enc(password));
    }

    /** The second sign-in step, with the CSRF token of the second-factor page. */
    public HttpResponse<String> secondFactor(String code) throws IOException, InterruptedException {
        return postForm("/login/second-factor", "/login/second-factor", "code=" + enc(code));
    }

    /** Posts a form with the CSRF token read from {@code pagePath}. */
    public HttpResponse<String> postForm(String pagePath, String path, String form)
            throws IOException, InterruptedException {
        String page = get(pagePath).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("page %s carries a CSRF token", pagePath).isTrue();
        return http.send(request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(csrf.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postWithoutCsrf(String path, String form) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
