package io.crowdlens.security;

/** The signed-in user's two-factor state, for their account page. */
public record TwoFactorStatus(boolean enabled, boolean required, int recoveryCodesLeft) {
}
