package io.crowdlens.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.authentication.password.CompromisedPasswordDecision;
import org.springframework.stereotype.Component;

/**
 * The shipped list of commonly used and breached passwords (resources/security/, provenance in the
 * README beside it). Offline on purpose: no password, and no hash prefix of one, ever leaves the
 * deployment. Used when a password is set, not at sign-in.
 */
@Component
public class CommonPasswords implements CompromisedPasswordChecker {

    static final String RESOURCE = "/security/common-passwords-12plus.txt";

    private final Set<String> passwords;

    public CommonPasswords() {
        this.passwords = load();
    }

    public boolean contains(String password) {
        return password != null && passwords.contains(PasswordPolicy.normalise(password).toLowerCase(Locale.ROOT));
    }

    public int size() {
        return passwords.size();
    }

    @Override
    public CompromisedPasswordDecision check(String password) {
        return new CompromisedPasswordDecision(contains(password));
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>(64_000);
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    set.add(PasswordPolicy.normalise(line).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
