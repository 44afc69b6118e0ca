package io.crowdlens.security;

import java.time.OffsetDateTime;

/**
 * A one-time link just issued. The token exists only here, in memory, on its way to the person who
 * passes it on (or to the mail); the database keeps its hash.
 */
public record IssuedLink(String username, LinkPurpose purpose, String url, OffsetDateTime expiresAt) {

    @Override
    public String toString() {
        return "IssuedLink[" + username + ", " + purpose + ", expires " + expiresAt + "]";
    }
}
