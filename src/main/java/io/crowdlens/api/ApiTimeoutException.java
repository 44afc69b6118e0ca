package io.crowdlens.api;

/** The current API request has used up its time; nothing more is asked of the database. */
class ApiTimeoutException extends RuntimeException {

    ApiTimeoutException() {
        super("request timeout reached");
    }
}
