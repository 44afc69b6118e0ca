package io.crowdlens.security;

import java.time.OffsetDateTime;

/** Who a valid one-time link belongs to, as its page greets them. */
public record LinkHolder(String username, String displayName, LinkPurpose purpose, boolean twoFactorRequired,
        boolean twoFactorEnrolled, OffsetDateTime expiresAt) {
}
