package io.crowdlens.partners;

import static io.crowdlens.db.Tables.ACCOUNT_LINK;
import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.db.Tables.LICENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditFilter;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.audit.AuditTrail;
import io.crowdlens.audit.OrganisationUsage;
import io.crowdlens.common.Dataset;
import io.crowdlens.licensing.LicenceAdministration;
import io.crowdlens.licensing.LicenceDraft;
import io.crowdlens.licensing.LicenceQuery;
import io.crowdlens.licensing.LicenceRefusedException;
import io.crowdlens.licensing.LicenceScopeService;
import io.crowdlens.security.AccountSecurityException;
import io.crowdlens.security.OneTimeLinks;
import io.crowdlens.security.Role;
import io.crowdlens.security.Totp;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.SignedIn;
import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/** What account managers do, end to end at the service layer, on each database engine. */
@Transactional
abstract class AdministrationContract {

    static final String GOOD_PASSWORD = "violet tractor umbrella";

    @Autowired DSLContext db;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;
    @Autowired OrganisationDirectory directory;
    @Autowired OrganisationAdministration organisations;
    @Autowired UserAdministration users;
    @Autowired LicenceAdministration licences;
    @Autowired LicenceScopeService scopes;
    @Autowired OneTimeLinks links;
    @Autowired AuditTrail trail;
    @Autowired AuditLog auditLog;
    @Autowired PasswordEncoder encoder;

    AdministrationFixture f;

    @BeforeEach
    void signedInAsAccountManager() {
        f = new AdministrationFixture(db, UUID.randomUUID().toString().substring(0, 8));
        signIn(f.accountManagerName());
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void accountManagerCreatesRenamesSuspendsAndReactivatesAnOrganisation() {
        long id = organisations.create("  Harbour   Logistics " + f.suffix + " ", OrganisationKind.PARTNER);
        assertThat(directory.organisation(id).orElseThrow().name()).isEqualTo("Harbour Logistics " + f.suffix);
        assertThatThrownBy(() -> organisations.create("harbour logistics " + f.suffix, OrganisationKind.PARTNER))
                .isInstanceOf(AdministrationException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> organisations.create(" ", OrganisationKind.PARTNER))
                .isInstanceOf(AdministrationException.class);

        organisations.rename(id, "Harbour Freight " + f.suffix);
        organisations.suspend(id);
        assertThat(directory.organisation(id).orElseThrow().suspended()).isTrue();
        organisations.reactivate(id);

        assertThat(directory.organisations("freight " + f.suffix, 0, 10)).extracting(OrganisationSummary::id)
                .containsExactly(id);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.SUBJECT_ORGANISATION_ID.eq(id)
                .and(AUDIT_EVENT.ACTION.eq("ADMIN_CHANGE")).and(AUDIT_EVENT.ACTOR.eq(f.accountManagerName()))))
                .isEqualTo(4);
    }

    @Test
    void suspendingAnOrganisationWithdrawsItsAccountsAndDataAtTheNextLookup() {
        organisations.suspend(f.retail);

        assertThat(accounts.findByUsername(f.retailAnalystName()).orElseThrow().isEnabled()).isFalse();
        signIn(f.retailAnalystName());
        assertThat(scopes.scopeFor(Dataset.PRESENCE).isEmpty()).isTrue();
    }

    @Test
    void invitedUserSetsAPasswordThroughTheLinkExactlyOnce() {
        String email = "Nia." + f.suffix + "@Retail.test";
        var invitation = users.invite(f.retail, email, "Nia New", Set.of(Role.PARTNER_ANALYST));
        String token = tokenOf(invitation.linkToPassOn());
        assertThat(invitation.email()).isEqualTo(email.toLowerCase());
        assertThat(accounts.findByUsername(email).orElseThrow().isEnabled()).as("no password yet").isFalse();
        SignedIn.out(securityContext);

        assertThat(links.inspect(token)).get().extracting(h -> h.username()).isEqualTo(email.toLowerCase());
        assertThatThrownBy(() -> links.redeem(token, "password1234", null, null))
                .isInstanceOf(AccountSecurityException.class).hasMessageContaining("common or breached");
        assertThat(links.inspect(token)).as("a refused attempt keeps the link").isPresent();

        assertThat(links.redeem(token, GOOD_PASSWORD, null, null)).isEmpty();

        var user = accounts.findByUsername(email).orElseThrow();
        assertThat(user.isEnabled()).isTrue();
        assertThat(encoder.matches(GOOD_PASSWORD, user.getPassword())).isTrue();
        assertThat(links.inspect(token)).isEmpty();
        assertThatThrownBy(() -> links.redeem(token, "another good password", null, null))
                .isInstanceOf(AccountSecurityException.class).hasMessageContaining("expired or has already been used");
        assertThat(db.fetchExists(ACCOUNT_LINK, ACCOUNT_LINK.TOKEN_HASH.contains(token.substring(0, 10))))
                .as("only a hash of the token is stored").isFalse();
    }

    @Test
    void aNewLinkRevokesTheOlderOneAndLinksExpire() {
        var first = users.resetPassword(f.retailAnalyst);
        var second = users.resetPassword(f.retailAnalyst);

        assertThat(links.inspect(tokenOf(first.linkToPassOn()))).isEmpty();
        assertThat(links.inspect(tokenOf(second.linkToPassOn()))).isPresent();

        db.update(ACCOUNT_LINK).set(ACCOUNT_LINK.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(ACCOUNT_LINK.USER_ID.eq(f.retailAnalyst)).execute();
        assertThat(links.inspect(tokenOf(second.linkToPassOn()))).isEmpty();
    }

    @Test
    void anInvitedAccountManagerMustEnrolTwoFactorWithTheirPassword() {
        var invitation = users.invite(f.operator, "ada-" + f.suffix + "@operator.test", "Ada Manager",
                Set.of(Role.ACCOUNT_MANAGER));
        String token = tokenOf(invitation.linkToPassOn());
        SignedIn.out(securityContext);
        assertThat(links.inspect(token).orElseThrow().twoFactorRequired()).isTrue();

        assertThatThrownBy(() -> links.redeem(token, GOOD_PASSWORD, null, null))
                .isInstanceOf(AccountSecurityException.class).hasMessageContaining("requires two-factor");
        String secret = Totp.newSecret();
        assertThatThrownBy(() -> links.redeem(token, GOOD_PASSWORD, secret, "000000"))
                .isInstanceOf(AccountSecurityException.class).hasMessageContaining("does not match");

        var codes = links.redeem(token, GOOD_PASSWORD, secret, Totp.codeAt(secret, Instant.now()));

        assertThat(codes).hasSize(10);
        assertThat(accounts.findByUsername("ada-" + f.suffix + "@operator.test").orElseThrow().twoFactorEnabled())
                .isTrue();
    }

    @Test
    void operatorRolesOnlyForOperatorStaffAndPartnerRolesOnlyForPartners() {
        assertThatThrownBy(() -> users.invite(f.retail, "x-" + f.suffix + "@retail.test", "X",
                Set.of(Role.DATA_OPERATOR))).isInstanceOf(AdministrationException.class);
        assertThatThrownBy(() -> users.invite(f.operator, "y-" + f.suffix + "@operator.test", "Y",
                Set.of(Role.PARTNER_ANALYST))).isInstanceOf(AdministrationException.class);
        assertThatThrownBy(() -> users.invite(f.retail, "not an email", "Z", Set.of(Role.PARTNER_ANALYST)))
                .isInstanceOf(AdministrationException.class).hasMessageContaining("email address");
        assertThatThrownBy(() -> users.invite(f.retail, f.rivalAnalystName().toUpperCase(), "Dup",
                Set.of(Role.PARTNER_ANALYST))).isInstanceOf(AdministrationException.class)
                .hasMessageContaining("already a user");
    }

    @Test
    void disablingUnlockingAndRolesTakeEffectOnTheAccount() {
        db.update(APP_USER).set(APP_USER.LOCKED, true).set(APP_USER.FAILED_LOGINS, 10)
                .where(APP_USER.ID.eq(f.retailAnalyst)).execute();
        users.unlock(f.retailAnalyst);
        users.changeRoles(f.retailAnalyst, Set.of(Role.PARTNER_ANALYST, Role.PARTNER_ADMIN));
        users.disable(f.retailAnalyst);

        var ana = accounts.findByUsername(f.retailAnalystName()).orElseThrow();
        assertThat(ana.isAccountNonLocked()).isTrue();
        assertThat(ana.roles()).containsExactlyInAnyOrder(Role.PARTNER_ANALYST, Role.PARTNER_ADMIN);
        assertThat(ana.isEnabled()).isFalse();
    }

    @Test
    void accountManagerGrantsALicenceOfChosenAreasThatThePartnerSeesAtOnce() {
        long id = licences.create(new LicenceDraft(f.rival, Dataset.PRESENCE, Fixtures.DISTRICTS, false,
                Set.of(f.harbour), AdministrationFixture.JAN_1, AdministrationFixture.JUN_30,
                OffsetDateTime.now().plusMonths(6), 25));

        signIn(f.rivalAnalystName());
        var scope = scopes.scopeFor(Dataset.PRESENCE);
        assertThat(scope.permits(Fixtures.DISTRICTS, f.harbour)).isTrue();
        assertThat(scope.permits(Fixtures.DISTRICTS, f.oldTown)).isFalse();
        assertThat(scope.minimumCrowd()).isEqualTo(25);

        signIn(f.accountManagerName());
        licences.revoke(id);
        signIn(f.rivalAnalystName());
        assertThat(scopes.scopeFor(Dataset.PRESENCE).permits(Fixtures.DISTRICTS, f.harbour)).isFalse();
    }

    @Test
    void licenceDraftsAreValidated() {
        OffsetDateTime later = OffsetDateTime.now().plusMonths(6);
        assertRefused(new LicenceDraft(f.rival, Dataset.PRESENCE, Fixtures.DISTRICTS, false, Set.of(),
                AdministrationFixture.JAN_1, AdministrationFixture.JUN_30, later, null), "at least one area");
        assertRefused(new LicenceDraft(f.rival, Dataset.PRESENCE, Fixtures.DISTRICTS, false, Set.of(f.cell),
                AdministrationFixture.JAN_1, AdministrationFixture.JUN_30, later, null), "not on the layer");
        assertRefused(new LicenceDraft(f.rival, Dataset.PRESENCE, Fixtures.DISTRICTS, true, Set.of(),
                AdministrationFixture.JUN_30, AdministrationFixture.JAN_1, later, null), "first on or before the last");
        assertRefused(new LicenceDraft(f.rival, Dataset.PRESENCE, Fixtures.DISTRICTS, true, Set.of(),
                AdministrationFixture.JAN_1, AdministrationFixture.JUN_30, OffsetDateTime.now().minusDays(1), null),
                "expire in the future");
        assertRefused(new LicenceDraft(f.rival, Dataset.PRESENCE, Fixtures.DISTRICTS, true, Set.of(),
                AdministrationFixture.JAN_1, AdministrationFixture.JUN_30, later, 12), "at least 15");
        assertRefused(new LicenceDraft(f.operator, Dataset.PRESENCE, Fixtures.DISTRICTS, true, Set.of(),
                AdministrationFixture.JAN_1, AdministrationFixture.JUN_30, later, null), "partner organisations");
        assertThat(licences.countLicences(new LicenceQuery(f.rival, null, false))).isEqualTo(1);
    }

    @Test
    void anExpiredLicenceGrantsNothingAtTheNextQuery() {
        signIn(f.retailAnalystName());
        assertThat(scopes.scopeFor(Dataset.PRESENCE).isEmpty()).isFalse();

        db.update(LICENCE).set(LICENCE.EXPIRES_AT, OffsetDateTime.now().minusSeconds(1))
                .where(LICENCE.ID.eq(f.retailLicence)).execute();

        assertThat(scopes.scopeFor(Dataset.PRESENCE).isEmpty()).isTrue();
        assertThat(scopes.myLicences()).isEmpty();
    }

    @Test
    void licenceListPagesAndSearches() {
        assertThat(licences.licences(new LicenceQuery(null, "rival " + f.suffix, true), 0, 10))
                .extracting(l -> l.id()).containsExactly(f.rivalLicence);
        assertThat(licences.areas(Fixtures.DISTRICTS, "harbour-" + f.suffix, 0, 10)).extracting(a -> a.id())
                .containsExactly(f.harbour);
        assertThat(licences.countAreas(Fixtures.DISTRICTS, "harbour-" + f.suffix)).isEqualTo(1);
    }

    @Test
    void auditTrailFiltersAndExportsCsvWithNothingThatRunsAsAFormula() {
        auditLog.recordFigures(f.rivalAnalystName(), f.rival, AuditAction.QUERY, AuditOutcome.SUCCESS,
                "=HYPERLINK(\"http://evil.test\") " + f.suffix, 12, 3);
        auditLog.recordFigures(f.rivalAnalystName(), f.rival, AuditAction.EXPORT, AuditOutcome.SUCCESS,
                "presence CSV " + f.suffix, 40, 0);

        var filter = new AuditFilter(f.rival, "rob-" + f.suffix, AuditAction.QUERY, OffsetDateTime.now().minusHours(1),
                null);
        assertThat(trail.records(filter, 0, 10)).hasSize(1).first()
                .satisfies(r -> assertThat(r.figuresSuppressed()).isEqualTo(3));
        StringWriter csv = new StringWriter();
        assertThat(trail.exportCsv(filter, csv)).isEqualTo(1);

        assertThat(csv.toString()).startsWith("occurred_at,user,organisation,about_organisation,action,outcome")
                .contains("\"'=HYPERLINK(\"\"http://evil.test\"\") " + f.suffix + "\"")
                .contains(",QUERY,SUCCESS,").contains(",12,3,");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("EXPORT")
                .and(AUDIT_EVENT.ACTOR.eq(f.accountManagerName())))).as("the export itself is audited").isEqualTo(1);
    }

    @Test
    void usageSummaryCountsQueriesExportsAndLastActivity() {
        auditLog.recordFigures(f.rivalAnalystName(), f.rival, AuditAction.QUERY, AuditOutcome.SUCCESS, "q1", 5, 0);
        auditLog.recordFigures(f.rivalAnalystName(), f.rival, AuditAction.QUERY, AuditOutcome.SUCCESS, "q2", 5, 0);
        auditLog.recordFigures(f.rivalAnalystName(), f.rival, AuditAction.QUERY, AuditOutcome.BLOCKED, "q3", 0, 5);
        auditLog.recordFigures(f.rivalAnalystName(), f.rival, AuditAction.EXPORT, AuditOutcome.SUCCESS, "e1", 9, 0);

        OrganisationUsage rival = trail.usage("Rival " + f.suffix, OffsetDateTime.now().minusDays(1), 0, 10).getFirst();

        assertThat(rival.queries()).isEqualTo(2);
        assertThat(rival.blockedQueries()).isEqualTo(1);
        assertThat(rival.exports()).isEqualTo(1);
        assertThat(rival.lastActive()).isNotNull();
        OrganisationUsage retail = trail.usage("Retail " + f.suffix, OffsetDateTime.now().minusDays(1), 0, 10)
                .getFirst();
        assertThat(retail.queries()).isZero();
        assertThat(retail.lastActive()).isNull();
    }

    private void assertRefused(LicenceDraft draft, String message) {
        assertThatThrownBy(() -> licences.create(draft)).isInstanceOf(LicenceRefusedException.class)
                .hasMessageContaining(message);
    }

    static String tokenOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    void signIn(String username) {
        SignedIn.as(accounts.loadUserByUsername(username), securityContext);
    }
}
