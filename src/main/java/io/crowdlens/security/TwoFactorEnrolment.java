package io.crowdlens.security;

/**
 * A two-factor set-up in progress: a new secret, shown as a QR code (PNG) and as text for typing
 * into an authenticator by hand. Nothing is stored until a code from the authenticator proves it.
 */
public record TwoFactorEnrolment(String secret, String provisioningUri, byte[] qrPng) {

    public static final String ISSUER = "CrowdLens";

    public static TwoFactorEnrolment begin(String username) {
        return of(Totp.newSecret(), username);
    }

    public static TwoFactorEnrolment of(String secret, String username) {
        String uri = Totp.provisioningUri(ISSUER, username, secret);
        return new TwoFactorEnrolment(secret, uri, QrCodes.png(uri, 220));
    }

    /** The secret in groups of four, easier to type. */
    public String groupedSecret() {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    @Override
    public String toString() {
        return "TwoFactorEnrolment[secret hidden]";
    }
}
