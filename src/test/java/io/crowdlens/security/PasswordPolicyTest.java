package io.crowdlens.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NIST SP 800-63B rules: length, the breached list, context words, repetition; no composition rules. */
class PasswordPolicyTest {

    static final CommonPasswords COMMON = new CommonPasswords();
    final PasswordPolicy policy = new PasswordPolicy(COMMON);

    @Test
    void theShippedListHoldsTheCommonPasswordsOfTwelveOrMoreCharacters() {
        // 44,150 lines in the file; 43,940 distinct once case is ignored
        assertThat(COMMON.size()).isEqualTo(43_940);
        assertThat(COMMON.contains("1qaz2wsx3edc")).isTrue();
        assertThat(COMMON.contains("QWERTY123456")).as("case-insensitive").isTrue();
        assertThat(COMMON.check("qwertyqwerty").isCompromised()).isTrue();
    }

    @Test
    void twelveCharactersWithoutAnyCompositionRuleAreEnough() {
        assertThat(policy.refusal("ostrich lamp", "ana@retail.test", "Ana Lytic")).isEmpty();
        assertThat(policy.refusal("zebrafountain", "ana@retail.test", "Ana Lytic")).as("lower case only").isEmpty();
    }

    @Test
    void shorterPasswordsAreRefusedWithTheirLength() {
        assertThat(policy.refusal("ostrich lam", "ana@retail.test", "Ana")).get().asString()
                .contains("at least 12 characters (11 so far)");
        assertThat(policy.refusal("", "ana@retail.test", "Ana")).isPresent();
    }

    @Test
    void commonAndBreachedPasswordsAreRefused() {
        assertThat(policy.refusal("1qaz2wsx3edc", "ana@retail.test", "Ana")).get().asString()
                .contains("common or breached");
        assertThat(policy.refusal("Qwerty123456", "ana@retail.test", "Ana")).isPresent();
    }

    @Test
    void theUsersOwnNameEmailAndTheServiceNameAreRefused() {
        assertThat(policy.refusal("analyst-ana@retail", "analyst@retail.test", "Ana Lytic")).isPresent();
        assertThat(policy.refusal("my name is analyst", "analyst@retail.test", "Ana")).isPresent();
        assertThat(policy.refusal("Ana Lytic rocks!!", "a@retail.test", "Ana Lytic")).isPresent();
        assertThat(policy.refusal("my crowdlens pass", "a@retail.test", "Ana")).isPresent();
    }

    @Test
    void repetitiveAndSequentialPasswordsAreRefused() {
        assertThat(policy.refusal("aaaaaaaaaaaaaaaa", "a@retail.test", "Ana")).isPresent();
        assertThat(policy.refusal("abababababab", "a@retail.test", "Ana")).isPresent();
        assertThat(policy.refusal("abcdefghijklmno", "a@retail.test", "Ana")).isPresent();
        assertThat(policy.refusal("98765432109876", "a@retail.test", "Ana")).isPresent();
        assertThat(policy.refusal("12345678901234567", "a@retail.test", "Ana")).isPresent();
    }

    @Test
    void unicodeIsNormalisedAndTheBcryptLimitIsExplained() {
        // "é" as one code point and as e + combining accent: the same password after NFKC
        assertThat(PasswordPolicy.normalise("caf\u00e9 au lait!")).isEqualTo(PasswordPolicy.normalise("cafe\u0301 au lait!"));
        assertThat(policy.refusal("word ".repeat(12).strip(), "a@retail.test", "Ana")).isEmpty();
        assertThat(policy.refusal("w\u00f6rd ".repeat(13), "a@retail.test", "Ana")).get().asString().contains("72 bytes");
    }
}
