package io.crowdlens.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.common.Dataset;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.SignedIn;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.annotation.Transactional;

/** "What may this user see", on each database engine (see the OnH2 / OnPostgres subclasses). */
@Transactional
abstract class LicenceScopeServiceContract {

    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    static final LocalDate JUN_30 = LocalDate.of(2026, 6, 30);
    static final OffsetDateTime NEXT_YEAR = OffsetDateTime.now().plusYears(1);

    @Autowired DSLContext db;
    @Autowired LicenceScopeService scopes;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    Fixtures fixtures;
    long retail;
    long rival;
    long oldTown;
    long harbour;

    @BeforeEach
    void partnersWithLicences() {
        fixtures = new Fixtures(db);
        fixtures.layers();
        oldTown = fixtures.area(Fixtures.DISTRICTS, "old-town");
        harbour = fixtures.area(Fixtures.DISTRICTS, "harbour");
        retail = fixtures.organisation("Retail Co");
        rival = fixtures.organisation("Rival Co");
        fixtures.user(retail, "ana@retail.test", "{noop}x", io.crowdlens.security.Role.PARTNER_ANALYST);
        fixtures.user(rival, "rob@rival.test", "{noop}x", io.crowdlens.security.Role.PARTNER_ANALYST);
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void partnerSeesOnlyTheAreasOfItsOwnLicences() {
        fixtures.licence(retail, Dataset.PRESENCE, Fixtures.DISTRICTS, JAN_1, JUN_30, NEXT_YEAR, null, oldTown);
        fixtures.licence(rival, Dataset.PRESENCE, Fixtures.DISTRICTS, JAN_1, JUN_30, NEXT_YEAR, null);

        signIn("ana@retail.test");
        LicenceScope scope = scopes.scopeFor(Dataset.PRESENCE);

        assertThat(scope.organisationId()).isEqualTo(retail);
        assertThat(scope.permits(Fixtures.DISTRICTS, oldTown)).isTrue();
        assertThat(scope.permits(Fixtures.DISTRICTS, harbour)).as("rival's whole-layer licence is not ours").isFalse();
        assertThat(scope.permits(Fixtures.H3, oldTown)).isFalse();
        assertThat(scope.layers()).containsExactly(Fixtures.DISTRICTS);

        signIn("rob@rival.test");
        assertThat(scopes.scopeFor(Dataset.PRESENCE).permits(Fixtures.DISTRICTS, harbour)).isTrue();
    }

    @Test
    void licenceCoversOnlyItsDateRange() {
        fixtures.licence(retail, Dataset.PRESENCE, Fixtures.DISTRICTS, JAN_1, JUN_30, NEXT_YEAR, null);

        signIn("ana@retail.test");
        LicenceScope scope = scopes.scopeFor(Dataset.PRESENCE);

        assertThat(scope.permits(Fixtures.DISTRICTS, harbour, JAN_1)).isTrue();
        assertThat(scope.permits(Fixtures.DISTRICTS, harbour, JUN_30)).isTrue();
        assertThat(scope.permits(Fixtures.DISTRICTS, harbour, JAN_1.minusDays(1))).isFalse();
        assertThat(scope.permits(Fixtures.DISTRICTS, harbour, JUN_30.plusDays(1))).isFalse();
        assertThat(scope.dateSpan(Fixtures.DISTRICTS)).contains(new LicenceScope.DateSpan(JAN_1, JUN_30));
    }

    @Test
    void datasetsAreLicensedSeparately() {
        fixtures.licence(retail, Dataset.PRESENCE, Fixtures.DISTRICTS, JAN_1, JUN_30, NEXT_YEAR, null);

        signIn("ana@retail.test");

        assertThat(scopes.scopeFor(Dataset.PRESENCE).isEmpty()).isFalse();
        assertThat(scopes.scopeFor(Dataset.VISITS).isEmpty()).isTrue();
        assertThat(scopes.scopeFor(Dataset.COMMUTING).isEmpty()).isTrue();
    }

    @Test
    void expiredAndRevokedLicencesGrantNothing() {
        fixtures.licence(retail, Dataset.PRESENCE, Fixtures.DISTRICTS, JAN_1, JUN_30,
                OffsetDateTime.now().minusMinutes(1), null);
        long revoked = fixtures.licence(retail, Dataset.PRESENCE, Fixtures.DISTRICTS, JAN_1, JUN_30, NEXT_YEAR, null);
        fixtures.revoke(revoked);

        signIn("ana@retail.test");

        assertThat(scopes.scopeFor(Dataset.PRESENCE).isEmpty()).isTrue();
        assertThat(scopes.myLicences()).isEmpty();
    }

    @Test
    void suspendedOrganisationSeesNothing() {
        fixtures.licence(retail, Dataset.PRESENCE, Fixtures.DISTRICTS, JAN_1, JUN_30, NEXT_YEAR, null);
        signIn("ana@retail.test");
        fixtures.suspend(retail);

        assertThat(scopes.scopeFor(Dataset.PRESENCE).isEmpty()).isTrue();
    }

    @Test
    void licenceMayRaiseTheMinimumCrowdButNeverLowerIt() {
        fixtures.licence(retail, Dataset.PRESENCE, Fixtures.DISTRICTS, JAN_1, JUN_30, NEXT_YEAR, 12);
        signIn("ana@retail.test");
        assertThat(scopes.scopeFor(Dataset.PRESENCE).minimumCrowd()).as("12 is below the deployment's 15").isEqualTo(15);

        fixtures.licence(retail, Dataset.PRESENCE, Fixtures.H3, JAN_1, JUN_30, NEXT_YEAR, 25);
        assertThat(scopes.scopeFor(Dataset.PRESENCE).minimumCrowd()).isEqualTo(25);
        assertThat(scopes.myLicences()).extracting(LicenceSummary::minimumCrowd).containsExactlyInAnyOrder(15, 25);
    }

    @Test
    void noScopeWithoutSigningIn() {
        assertThatThrownBy(() -> scopes.scopeFor(Dataset.PRESENCE)).isInstanceOf(AuthenticationException.class);
    }

    void signIn(String username) {
        SignedIn.as(accounts.loadUserByUsername(username), securityContext);
    }
}
