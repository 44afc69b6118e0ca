package io.crowdlens.security;

import java.time.OffsetDateTime;

/** A "Forgot password?" request waiting for an administrator to issue a reset link. */
public record PendingResetRequest(long userId, String username, String displayName, OffsetDateTime requestedAt) {
}
