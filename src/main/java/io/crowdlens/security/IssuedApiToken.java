package io.crowdlens.security;

/**
 * A token just created: the only moment its secret exists outside the client. Shown once, then gone.
 *
 * @param secret what the client sends as {@code Authorization: Bearer <secret>}
 */
public record IssuedApiToken(ApiTokenSummary token, String secret) {

    /** Keeps the secret out of logs and error messages. */
    @Override
    public String toString() {
        return "IssuedApiToken[" + token.id() + ", " + token.name() + "]";
    }
}
