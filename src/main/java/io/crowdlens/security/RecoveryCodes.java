package io.crowdlens.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One-time recovery codes for a lost authenticator: 80 random bits each, written as four groups of
 * four base32 characters. At 80 bits an unsalted SHA-256 is enough to store them: unlike a
 * password, a code cannot be guessed from a dictionary, and a stolen hash cannot be brute-forced.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    public static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            byte[] bits = new byte[10];
            RANDOM.nextBytes(bits);
            String raw = Base32.encode(bits).toLowerCase(Locale.ROOT);
            codes.add(raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8, 12) + "-"
                    + raw.substring(12, 16));
        }
        return codes;
    }

    /** Hyphens, spaces and case do not matter when a code is typed back. */
    public static String hash(String code) {
        String normalised = code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean looksLikeRecoveryCode(String typed) {
        return typed != null && typed.replaceAll("[\\s-]", "").length() == 16;
    }
}
