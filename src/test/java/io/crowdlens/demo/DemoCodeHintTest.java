package io.crowdlens.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.security.Role;
import io.crowdlens.security.Totp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Demo mode hints the current code of a printed demo account, and of no other account (decision 008). */
class DemoCodeHintTest {

    @Test
    void theDemoAccountManagerIsShownTheCurrentCodeAndNobodyElseIs() {
        String secret = Totp.newSecret();
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        DemoLogins logins = new DemoLogins();
        logins.replaceWith(List.of(
                new DemoAccount("accounts@metromobile.demo", "Alex", "Metro", Set.of(Role.ACCOUNT_MANAGER), "pw", secret),
                new DemoAccount("analyst@northwind.demo", "Nora", "Northwind", Set.of(Role.PARTNER_ANALYST), "pw")));
        DemoCodeHint hint = new DemoCodeHint(logins, Clock.fixed(now, ZoneOffset.UTC));

        assertThat(hint.hintFor("accounts@metromobile.demo")).get().asString()
                .endsWith("is " + Totp.codeAt(secret, now) + ".");
        assertThat(hint.hintFor("analyst@northwind.demo")).isEmpty();
        assertThat(hint.hintFor("someone@partner.test")).isEmpty();
    }
}
