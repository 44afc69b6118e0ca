package io.crowdlens.security;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Normalises passwords (NFKC, as NIST SP 800-63B asks) before they are hashed or checked, so "é"
 * typed as one code point or as e + accent is the same password. ASCII is unchanged, so hashes
 * made before this existed still match.
 */
public class UnicodeNormalisingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;

    public UnicodeNormalisingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(normalise(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return delegate.matches(normalise(rawPassword), encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private static String normalise(CharSequence raw) {
        return raw == null ? null : PasswordPolicy.normalise(raw.toString());
    }
}
