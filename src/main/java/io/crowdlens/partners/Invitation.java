package io.crowdlens.partners;

import io.crowdlens.security.IssuedLink;

/**
 * The outcome of inviting a user or issuing them a reset link: either mailed to them, or to be
 * passed on by the administrator who sees it once.
 */
public record Invitation(long userId, String email, boolean mailed, IssuedLink link) {

    /** The link to show the administrator, or null when it went by mail. */
    public String linkToPassOn() {
        return mailed ? null : link.url();
    }
}
