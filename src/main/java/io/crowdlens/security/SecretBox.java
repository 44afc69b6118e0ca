package io.crowdlens.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets the portal must read back (authenticator secrets) before they reach the
 * database, with AES-256-GCM: a copy of the database or of a backup does not give away anyone's
 * second factor. Passwords and recovery codes are hashed instead, as they never need reading back.
 *
 * <p>The key is {@code crowdlens.security.secret-key} (32 random bytes, base64). Without it, the key
 * lives in {@code crowdlens.security.secret-key-file}, created on first use; the PostgreSQL profile
 * sets no file, so production must give the key: the portal does not start without one
 * ({@code io.crowdlens.ui.SecretKeyAtStart}).
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    /** Marks a sealed value; anything else in the column was written before encryption (plain text). */
    static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String configuredKey;
    private final String keyFile;
    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec key;

    /**
     * The key is read (or the key file created) at first use, so a pipeline command, which never
     * touches a secret, needs no key; the portal asks for it at start ({@link #requireKey}).
     */
    public SecretBox(@Value("${crowdlens.security.secret-key:}") String configuredKey,
            @Value("${crowdlens.security.secret-key-file:}") String keyFile) {
        this.configuredKey = configuredKey;
        this.keyFile = keyFile;
    }

    /** Fails now, with what to set, when there is no usable key. */
    public void requireKey() {
        key();
    }

    /** The value to store: "v1:" and base64 of a fresh IV followed by the ciphertext and its tag. */
    public String seal(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a secret", e);
        }
    }

    /**
     * The plaintext of a stored value. A value without the prefix predates encryption and is returned
     * as it is (it is sealed the next time it is written).
     *
     * @throws IllegalStateException when the value was sealed with another key or altered
     */
    public String open(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted with this key"
                    + " (crowdlens.security.secret-key changed, or the value was altered)", e);
        }
    }

    private synchronized SecretKeySpec key() {
        if (key == null) {
            key = new SecretKeySpec(keyBytes(configuredKey, keyFile), "AES");
        }
        return key;
    }

    private static byte[] keyBytes(String key, String keyFile) {
        if (!key.isBlank()) {
            return decoded(key.strip(), "crowdlens.security.secret-key");
        }
        if (keyFile.isBlank()) {
            throw new IllegalStateException("No key for secrets at rest: set crowdlens.security.secret-key"
                    + " (environment CROWDLENS_SECURITY_SECRET_KEY) to 32 random bytes in base64,"
                    + " e.g. the output of: openssl rand -base64 32");
        }
        Path file = Path.of(keyFile);
        try {
            if (Files.exists(file)) {
                return decoded(Files.readString(file).strip(), file.toString());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            log.warn("Created a key for secrets at rest in {}: keep it with the database (without it the stored"
                    + " authenticator secrets cannot be read); production sets crowdlens.security.secret-key", file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the key file " + file, e);
        }
    }

    private static byte[] decoded(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(source + " must hold 32 bytes (base64 of 32 random bytes), has " + bytes.length);
        }
        return bytes;
    }
}
