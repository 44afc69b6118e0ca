package io.crowdlens.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenSecretsTest {

    @Test
    void aSecretIsThePrefixAnd256RandomBits() {
        String secret = ApiTokenSecrets.newSecret();

        assertThat(secret).startsWith("clk_").hasSize(4 + 43);
        assertThat(Base64.getUrlDecoder().decode(secret.substring(4))).hasSize(32);
        assertThat(ApiTokenSecrets.hasTheShapeOfASecret(secret)).isTrue();
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            many.add(ApiTokenSecrets.newSecret());
        }
        assertThat(many).hasSize(1000);
    }

    @Test
    void theDigestIsSha256InHexAndTheHintOnlyTheFirstCharacters() {
        assertThat(ApiTokenSecrets.digest("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String secret = ApiTokenSecrets.newSecret();
        assertThat(ApiTokenSecrets.hint(secret)).hasSize(10).isEqualTo(secret.substring(0, 10));
    }

    @Test
    void whatCannotBeASecretIsRefusedWithoutALookup() {
        for (String value : new String[] {null, "", "clk_", "clk_" + "A".repeat(42), "clk_" + "A".repeat(44),
                "CLK_" + "A".repeat(43), "clk_" + "A".repeat(42) + "=", "clk_" + "A".repeat(42) + "'"}) {
            assertThat(ApiTokenSecrets.hasTheShapeOfASecret(value)).as(String.valueOf(value)).isFalse();
        }
    }

    @Test
    void onlyBearerCarriesAToken() {
        assertThat(ApiTokenAuthenticationFilter.bearerSecret("Bearer clk_x")).isEqualTo("clk_x");
        assertThat(ApiTokenAuthenticationFilter.bearerSecret("bearer  clk_x ")).isEqualTo("clk_x");
        assertThat(ApiTokenAuthenticationFilter.bearerSecret("Basic YTpi")).isNull();
        assertThat(ApiTokenAuthenticationFilter.bearerSecret("Bearer ")).isNull();
        assertThat(ApiTokenAuthenticationFilter.bearerSecret("Bearer")).isNull();
    }
}
