package io.crowdlens.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * A password accepted, a second factor still owed. Lives in the HTTP session only; the session is
 * not signed in while it waits.
 *
 * @param enrolmentSecret for an account that must use two-factor but has none yet: the secret it
 *        is being shown to enrol; null otherwise
 */
public record PendingSignIn(long userId, String username, Instant startedAt, String clientAddress,
        String enrolmentSecret) implements Serializable {

    static final String SESSION_KEY = PendingSignIn.class.getName();

    public boolean enrolling() {
        return enrolmentSecret != null;
    }

    @Override
    public String toString() {
        return "PendingSignIn[" + username + "]";
    }
}
