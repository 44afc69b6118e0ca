package io.crowdlens.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * API token secrets: {@code clk_} and 256 random bits in base64url (43 characters). At that entropy
 * an unsalted SHA-256 is enough to store them (nobody can guess a preimage), and unlike the password
 * hasher it costs microseconds, which matters because every API request checks one (decision 025).
 */
final class ApiTokenSecrets {

    static final String PREFIX = "clk_";
    static final int RANDOM_BYTES = 32;
    /** Characters of the random part kept as a hint: 36 of its 256 bits. */
    static final int HINT_CHARACTERS = 6;
    private static final Pattern SHAPE = Pattern.compile("clk_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecrets() {
    }

    static String newSecret() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a presented value could be a secret at all; anything else is refused without a lookup. */
    static boolean hasTheShapeOfASecret(String presented) {
        return presented != null && SHAPE.matcher(presented).matches();
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }

    static String hint(String secret) {
        return secret.substring(0, PREFIX.length() + HINT_CHARACTERS);
    }
}
