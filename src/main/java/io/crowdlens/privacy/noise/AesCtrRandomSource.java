package io.crowdlens.privacy.noise;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 counter-mode keystream with fast key erasure (Bernstein, "Fast-key-erasure
 * random-number generators", 2017): each block of output is the keystream of the current key from
 * a zero counter; its first 32 bytes become the next key and are never output, the rest is the
 * output. The old key is overwritten, so whoever reads this object's memory later learns nothing
 * about the draws already made. A key encrypts at most one block of {@value #OUTPUT_BYTES} + 32
 * bytes, far below any counter-mode limit.
 */
final class AesCtrRandomSource extends BufferedRandomSource {

    static final int KEY_BYTES = 32;
    static final int OUTPUT_BYTES = 8192;
    static final String SEED_LABEL = "io.crowdlens.privacy.noise.RandomSource.seeded";

    private static final IvParameterSpec ZERO_COUNTER = new IvParameterSpec(new byte[16]);
    private static final byte[] ZEROS = new byte[OUTPUT_BYTES];

    private final Cipher cipher;
    private final byte[] key;

    private AesCtrRandomSource(byte[] initialKey) {
        super(OUTPUT_BYTES);
        if (initialKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + initialKey.length);
        }
        this.key = initialKey.clone();
        Arrays.fill(initialKey, (byte) 0);
        try {
            this.cipher = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK offers no AES/CTR/NoPadding cipher", e);
        }
    }

    static AesCtrRandomSource keyedByTheOperatingSystem() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new AesCtrRandomSource(key);
    }

    static AesCtrRandomSource keyedBySeed(long seed) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(SEED_LABEL.getBytes(StandardCharsets.US_ASCII));
            sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            return new AesCtrRandomSource(sha256.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK offers no SHA-256", e);
        }
    }

    @Override
    void refill(byte[] buffer) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), ZERO_COUNTER);
            // Encrypting zeros yields the bare keystream; the counter runs on from the key into the output.
            cipher.update(ZEROS, 0, KEY_BYTES, key, 0);
            cipher.doFinal(ZEROS, 0, buffer.length, buffer, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed to produce a keystream", e);
        }
    }
}
