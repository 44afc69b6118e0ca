package io.crowdlens.demo;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.db.Tables.ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.testing.OnH2;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

class DemoModeTest {

    @Nested
    @OnH2
    class WithoutDemoMode {
        @Autowired DSLContext db;

        @Test
        void noDemoAccountOrganisationOrLicenceIsSeeded() {
            assertThat(db.fetchCount(APP_USER, APP_USER.USERNAME.in(
                    DemoSeeder.ACCOUNTS.stream().map(DemoAccount::username).toList()))).isZero();
            assertThat(db.fetchCount(ORGANISATION, ORGANISATION.NAME.in(
                    DemoSeeder.OPERATOR, DemoSeeder.RETAIL_PARTNER, DemoSeeder.PLANNING_PARTNER))).isZero();
            assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("DEMO_SEEDED"))).isZero();
        }
    }

    @Nested
    @SpringBootTest(properties = "crowdlens.demo.enabled=true")
    @ActiveProfiles("test")
    class InDemoMode {
        @Autowired DSLContext db;
        @Autowired DemoLogins logins;
        @Autowired PasswordEncoder encoder;
        @Autowired io.crowdlens.security.SecretBox secrets;

        @Test
        void everyRoleHasADemoLoginWhosePrintedPasswordMatchesItsHash() {
            assertThat(logins.all()).hasSize(5);
            assertThat(logins.all()).flatExtracting(DemoAccount::roles).contains(
                    io.crowdlens.security.Role.values());
            for (DemoAccount account : logins.all()) {
                String hash = db.select(APP_USER.PASSWORD_HASH).from(APP_USER)
                        .where(APP_USER.USERNAME.eq(account.username())).fetchSingle().value1();
                assertThat(hash).startsWith("{bcrypt}").doesNotContain(account.password());
                assertThat(encoder.matches(account.password(), hash)).isTrue();
                assertThat(account.password()).hasSize(16);
            }
            assertThat(logins.all().stream().map(DemoAccount::password).distinct()).hasSize(5);
        }

        @Test
        void theAccountManagersPrintedAuthenticatorSecretIsStoredOnlySealed() {
            DemoAccount manager = logins.all().stream().filter(a -> a.totpSecret() != null).findFirst().orElseThrow();
            String stored = db.select(APP_USER.TOTP_SECRET).from(APP_USER)
                    .where(APP_USER.USERNAME.eq(manager.username())).fetchSingle().value1();
            assertThat(stored).startsWith("v1:").doesNotContain(manager.totpSecret());
            assertThat(secrets.open(stored)).isEqualTo(manager.totpSecret());
        }
    }
}
