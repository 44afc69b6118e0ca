package io.crowdlens.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @TempDir
    Path temp;

    @Test
    void aSealedSecretOpensWithTheSameKeyAndDoesNotShowTheSecret() {
        SecretBox box = new SecretBox(KEY, "");

        String sealed = box.seal(SECRET);

        assertThat(sealed).startsWith("v1:").doesNotContain(SECRET).hasSizeLessThanOrEqualTo(200);
        assertThat(box.seal(SECRET)).as("a fresh IV each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo(SECRET);
    }

    @Test
    void anotherKeyOrAnAlteredValueIsRefusedNotMisread() {
        String sealed = new SecretBox(KEY, "").seal(SECRET);
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);

        assertThatThrownBy(() -> new SecretBox(OTHER_KEY, "").open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be decrypted with this key");
        assertThatThrownBy(() -> new SecretBox(KEY, "").open(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueWrittenBeforeEncryptionIsReadAsItIs() {
        assertThat(new SecretBox(KEY, "").open(SECRET)).isEqualTo(SECRET);
    }

    @Test
    void withoutAKeyOneIsCreatedOnceInTheKeyFileReadableOnlyByItsOwner() throws Exception {
        Path file = temp.resolve("data/secret.key");

        String sealed = new SecretBox("", file.toString()).seal(SECRET);

        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new SecretBox("", file.toString()).open(sealed)).as("the next start reads the same key").isEqualTo(SECRET);
    }

    @Test
    void aMissingOrMalformedKeyStopsTheStartWithWhatToSet() {
        assertThatThrownBy(() -> new SecretBox("", "").requireKey()).hasMessageContaining("set crowdlens.security.secret-key")
                .hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new SecretBox("not base64!", "").requireKey()).hasMessageContaining("is not base64");
        assertThatThrownBy(() -> new SecretBox(Base64.getEncoder().encodeToString(new byte[16]), "").seal(SECRET))
                .hasMessageContaining("must hold 32 bytes");
    }

    @Test
    void noKeyIsReadOrCreatedUntilASecretIsSealedOrOpened() {
        Path file = temp.resolve("untouched/secret.key");

        new SecretBox("", file.toString());

        assertThat(file).doesNotExist();
    }
}
