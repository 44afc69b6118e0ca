package io.crowdlens.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TOTP against RFC 6238's own test vectors (Appendix B), and what an authenticator app sees. */
class TotpTest {

    static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0}: {1} / {2} / {3}")
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void rfc6238TestVectors(long unixTime, String sha1, String sha256, String sha512) {
        long step = Totp.stepAt(Instant.ofEpochSecond(unixTime));
        assertThat(Totp.code(SHA1_SEED, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_SEED, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_SEED, step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void sixDigitCodesOfTheRfcSeedAsAnAuthenticatorAppComputesThem() {
        String secret = Base32.encode(SHA1_SEED);
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        // the RFC's 8-digit code is the 6-digit one with two more leading digits
        assertThat(Totp.codeAt(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.codeAt(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void aCodeIsAcceptedWithinOneStepOfClockDriftAndNotBeyond() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String current = Totp.codeAt(secret, now);

        assertThat(Totp.matchingStep(secret, current, now, null)).hasValue(Totp.stepAt(now));
        assertThat(Totp.matchingStep(secret, current, now.plusSeconds(30), null)).isPresent();
        assertThat(Totp.matchingStep(secret, current, now.minusSeconds(30), null)).isPresent();
        assertThat(Totp.matchingStep(secret, current, now.plusSeconds(90), null)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12 34 56".equals(current) ? current : "not-a-code", now, null)).isEmpty();
    }

    @Test
    void aCodeCannotBeReplayedOnceItsStepIsUsed() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String code = Totp.codeAt(secret, now);
        long used = Totp.matchingStep(secret, code, now, null).orElseThrow();

        assertThat(Totp.matchingStep(secret, code, now, used)).isEmpty();
        assertThat(Totp.matchingStep(secret, code, now.plusSeconds(10), used)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.codeAt(secret, now.plusSeconds(30)), now.plusSeconds(30), used))
                .hasValue(used + 1);
    }

    @Test
    void secretsAre160BitsAndSurviveBase32WithSpacesAndLowerCase() {
        String secret = Totp.newSecret();
        assertThat(Base32.decode(secret)).hasSize(20);
        assertThat(Base32.decode(secret.toLowerCase().replaceAll("(.{4})", "$1 "))).isEqualTo(Base32.decode(secret));
        assertThat(Totp.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void provisioningUriNamesIssuerAndAccount() {
        assertThat(Totp.provisioningUri("CrowdLens", "amy@operator.test", "ABCDEFGH"))
                .isEqualTo("otpauth://totp/CrowdLens:amy%40operator.test?secret=ABCDEFGH&issuer=CrowdLens"
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void qrCodeIsAPng() {
        byte[] png = QrCodes.png(Totp.provisioningUri("CrowdLens", "amy@operator.test", Totp.newSecret()), 200);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void recoveryCodesAreTenDistinct80BitCodesMatchedWithoutRegardToCaseOrHyphens() {
        var codes = RecoveryCodes.generate();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
        String code = codes.get(0);
        assertThat(RecoveryCodes.hash(code.toUpperCase().replace("-", " "))).isEqualTo(RecoveryCodes.hash(code));
        assertThat(RecoveryCodes.hash(code)).hasSize(64).doesNotContain(code.replace("-", ""));
    }
}
