package io.crowdlens.security;

/** Why a one-time link was issued. */
public enum LinkPurpose {
    /** A new user sets their first password. */
    INVITATION,
    /** An existing user sets a new password (issued by an administrator). */
    RESET
}
