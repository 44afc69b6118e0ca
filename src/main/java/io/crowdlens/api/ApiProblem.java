package io.crowdlens.api;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the partner API answers with, as an RFC 9457 problem type. The {@code type}
 * URIs are stable identifiers (decision 026, listed in docs/api.md): clients may branch on them.
 * Only ever add constants; never change a slug.
 */
public enum ApiProblem {
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "API token required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not covered by your token or licence"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "No such endpoint"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Format not available"),
    RELEASE_NOT_AVAILABLE(HttpStatus.NOT_FOUND, "release-not-available", "Release not available"),
    SELECTION_BLOCKED(HttpStatus.UNPROCESSABLE_CONTENT, "selection-blocked", "Too few people in this selection"),
    SELECTION_TOO_LARGE(HttpStatus.UNPROCESSABLE_CONTENT, "selection-too-large", "Selection too large"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
    REQUEST_TIMEOUT(HttpStatus.SERVICE_UNAVAILABLE, "request-timeout", "Request took too long"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error");

    /** The prefix of every type URI: a URN, an identifier that is the same in every deployment. */
    public static final String TYPE_PREFIX = "urn:crowdlens:problem:";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ApiProblem(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return URI.create(TYPE_PREFIX + slug);
    }

    public String title() {
        return title;
    }
}
