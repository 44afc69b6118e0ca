package io.crowdlens.security;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Password rules after NIST SP 800-63B (5.1.1.2): at least 12 characters, no composition rules
 * (no "one digit, one symbol"), no periodic expiry, and refuse what attackers try first: commonly
 * used and breached passwords, the user's own name or email, the service's name, and repetitive or
 * sequential strings. Unicode is normalised (NFKC) so the same password typed on two keyboards
 * matches. The upper bound is bcrypt's 72 bytes (64 plain characters fit); see decision 006.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private final CommonPasswords common;

    public PasswordPolicy(CommonPasswords common) {
        this.common = common;
    }

    /** Why this password is refused for this user, or empty when it is acceptable. */
    public Optional<String> refusal(String password, String username, String displayName) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        String normalised = normalise(password);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters (" + length + " so far). "
                    + "A few unrelated words make a long password that is easy to remember.");
        }
        if (normalised.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Use at most " + MAX_BYTES + " bytes: 64 plain characters fit, fewer with accents or symbols.");
        }
        String lower = normalised.toLowerCase(Locale.ROOT);
        if (common.contains(normalised)) {
            return Optional.of("This password appears in lists of common or breached passwords. Choose another.");
        }
        if (containsContext(lower, username, displayName)) {
            return Optional.of("Do not use your name, your email address or the name of this service in your password.");
        }
        if (isRepetitiveOrSequential(lower)) {
            return Optional.of("This password is too repetitive or sequential (like aaaa… or 1234…). Choose another.");
        }
        return Optional.empty();
    }

    public static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    private static boolean containsContext(String lower, String username, String displayName) {
        if (lower.contains("crowdlens")) {
            return true;
        }
        if (username != null) {
            String local = username.toLowerCase(Locale.ROOT).split("@")[0];
            if (local.length() >= 4 && lower.contains(local)) {
                return true;
            }
        }
        if (displayName != null) {
            String compact = displayName.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
            if (compact.length() >= 4 && lower.replaceAll("\\s+", "").contains(compact)) {
                return true;
            }
        }
        return false;
    }

    static boolean isRepetitiveOrSequential(String lower) {
        int[] cps = lower.codePoints().toArray();
        if (java.util.Arrays.stream(cps).distinct().count() < 5) {
            return true;
        }
        int step = cps[1] - cps[0];
        if (Math.abs(step) != 1) {
            return false;
        }
        for (int i = 2; i < cps.length; i++) {
            int d = cps[i] - cps[i - 1];
            // digit runs wrap: 1234567890123, 9876543210987
            boolean wraps = (step == 1 && cps[i - 1] == '9' && cps[i] == '0')
                    || (step == -1 && cps[i - 1] == '0' && cps[i] == '9');
            if (d != step && !wraps) {
                return false;
            }
        }
        return true;
    }
}
