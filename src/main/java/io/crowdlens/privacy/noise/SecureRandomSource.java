package io.crowdlens.privacy.noise;

import java.security.SecureRandom;
import java.util.Objects;

/** Random bytes from a {@link SecureRandom}, read a block at a time (one call per 4 KiB, not one per draw). */
final class SecureRandomSource extends BufferedRandomSource {

    static final int BUFFER_BYTES = 4096;

    private final SecureRandom secureRandom;

    SecureRandomSource(SecureRandom secureRandom) {
        super(BUFFER_BYTES);
        this.secureRandom = Objects.requireNonNull(secureRandom, "secureRandom");
    }

    @Override
    void refill(byte[] buffer) {
        secureRandom.nextBytes(buffer);
    }
}
