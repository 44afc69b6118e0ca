package io.crowdlens.partners;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.audit.AuditFilter;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.audit.AuditTrail;
import io.crowdlens.common.Dataset;
import io.crowdlens.licensing.LicenceAdministration;
import io.crowdlens.licensing.LicenceDraft;
import io.crowdlens.licensing.LicenceQuery;
import io.crowdlens.licensing.LicenceScopeService;
import io.crowdlens.presence.PresenceQueryService;
import io.crowdlens.security.AccountSecurity;
import io.crowdlens.security.LinkPurpose;
import io.crowdlens.security.OneTimeLinks;
import io.crowdlens.security.Role;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.SignedIn;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenancy isolation at the service layer, every public method of the administration services
 * under every role: a user of organisation A is refused organisation B's users, licences, audit
 * records and data. On each database engine (OnH2 / OnPostgres subclasses).
 */
@Transactional
abstract class TenancyIsolationContract {

    @Autowired DSLContext db;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;
    @Autowired OrganisationDirectory directory;
    @Autowired OrganisationAdministration organisations;
    @Autowired UserAdministration users;
    @Autowired LicenceAdministration licences;
    @Autowired LicenceScopeService scopes;
    @Autowired AuditTrail trail;
    @Autowired AuditLog auditLog;
    @Autowired OneTimeLinks links;
    @Autowired AccountSecurity account;
    @Autowired PresenceQueryService presence;

    AdministrationFixture f;

    @BeforeEach
    void twoPartnersAndTheOperator() {
        f = new AdministrationFixture(db, UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    /** Every administration method, aimed at organisation B (Rival) and its users and licence. */
    Map<String, ThrowingCallable> everyMethodAimedAtRival() {
        LicenceDraft draft = new LicenceDraft(f.rival, Dataset.PRESENCE, Fixtures.DISTRICTS, true, Set.of(),
                AdministrationFixture.JAN_1, AdministrationFixture.JUN_30, OffsetDateTime.now().plusYears(1), null);
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("users(rival)", () -> users.users(new UserQuery(f.rival, null), 0, 50));
        calls.put("countUsers(rival)", () -> users.countUsers(new UserQuery(f.rival, null)));
        calls.put("user", () -> users.user(f.rivalAnalyst));
        calls.put("assignableRoles", () -> users.assignableRoles(f.rival));
        calls.put("invite", () -> users.invite(f.rival, "new@rival.test", "New", Set.of(Role.PARTNER_ANALYST)));
        calls.put("changeRoles", () -> users.changeRoles(f.rivalAnalyst, Set.of(Role.PARTNER_ADMIN)));
        calls.put("disable", () -> users.disable(f.rivalAnalyst));
        calls.put("enable", () -> users.enable(f.rivalAnalyst));
        calls.put("unlock", () -> users.unlock(f.rivalAnalyst));
        calls.put("resetPassword", () -> users.resetPassword(f.rivalAnalyst));
        calls.put("resetTwoFactor", () -> users.resetTwoFactor(f.rivalAnalyst));
        calls.put("links.issue", () -> links.issue(f.rivalAnalyst, LinkPurpose.RESET));
        calls.put("organisations", () -> directory.organisations(null, 0, 50));
        calls.put("countOrganisations", () -> directory.countOrganisations(null));
        calls.put("organisation", () -> directory.organisation(f.rival));
        calls.put("create organisation", () -> organisations.create("Mine now " + f.suffix, OrganisationKind.PARTNER));
        calls.put("rename", () -> organisations.rename(f.rival, "Renamed " + f.suffix));
        calls.put("suspend", () -> organisations.suspend(f.rival));
        calls.put("reactivate", () -> organisations.reactivate(f.rival));
        calls.put("licences", () -> licences.licences(new LicenceQuery(f.rival, null, false), 0, 50));
        calls.put("countLicences", () -> licences.countLicences(new LicenceQuery(f.rival, null, false)));
        calls.put("draft", () -> licences.draft(f.rivalLicence));
        calls.put("create licence", () -> licences.create(draft));
        calls.put("update licence", () -> licences.update(f.rivalLicence, draft));
        calls.put("revoke licence", () -> licences.revoke(f.rivalLicence));
        calls.put("organisationName", () -> licences.organisationName(f.rival));
        calls.put("layers", () -> licences.layers());
        calls.put("areasForMap", () -> licences.areasForMap(Fixtures.H3));
        calls.put("areas", () -> licences.areas(Fixtures.H3, null, 0, 50));
        calls.put("countAreas", () -> licences.countAreas(Fixtures.H3, null));
        calls.put("audit records(rival)", () -> trail.records(AuditFilter.none().forOrganisation(f.rival), 0, 50));
        calls.put("audit count(rival)", () -> trail.count(AuditFilter.none().forOrganisation(f.rival)));
        calls.put("audit export(rival)", () -> trail.exportCsv(AuditFilter.none().forOrganisation(f.rival),
                new StringWriter()));
        calls.put("usage", () -> trail.usage(null, OffsetDateTime.now().minusDays(30), 0, 50));
        calls.put("countUsage", () -> trail.countUsage(null));
        calls.put("presence areas of rival's layer", () -> presence.areas(Fixtures.H3));
        return calls;
    }

    @Test
    void partnerAdminOfRetailIsRefusedEveryMethodAimedAtRival() {
        signIn(f.retailAdminName());
        everyMethodAimedAtRival().forEach((name, call) ->
                assertThatThrownBy(call).as(name).isInstanceOf(AccessDeniedException.class));
        assertThat(rivalUnchanged()).isTrue();
    }

    @Test
    void analystOfRetailIsRefusedEveryAdministrationMethod() {
        signIn(f.retailAnalystName());
        everyMethodAimedAtRival().forEach((name, call) ->
                assertThatThrownBy(call).as(name).isInstanceOf(AccessDeniedException.class));
        assertThatThrownBy(() -> users.users(new UserQuery(f.retail, null), 0, 50)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trail.records(AuditFilter.none(), 0, 50)).isInstanceOf(AccessDeniedException.class);
        assertThat(rivalUnchanged()).isTrue();
    }

    @Test
    void dataOperatorIsRefusedPartnerAdministration() {
        signIn(f.dataOperatorName());
        everyMethodAimedAtRival().forEach((name, call) ->
                assertThatThrownBy(call).as(name).isInstanceOf(AccessDeniedException.class));
    }

    @Test
    void partnerAdminSeesAndManagesOnlyTheirOwnOrganisationsUsers() {
        signIn(f.retailAdminName());

        assertThat(users.users(new UserQuery(null, null), 0, 50)).extracting(UserSummary::organisationId)
                .containsOnly(f.retail).hasSize(2);
        assertThat(users.countUsers(new UserQuery(null, null))).isEqualTo(2);
        assertThat(users.users(new UserQuery(null, "rob"), 0, 50)).as("search never reaches another organisation")
                .isEmpty();
        assertThat(users.assignableRoles(f.retail)).containsExactlyInAnyOrder(Role.PARTNER_ANALYST, Role.PARTNER_ADMIN);

        users.disable(f.retailAnalyst);
        assertThat(users.user(f.retailAnalyst).enabled()).isFalse();
        users.enable(f.retailAnalyst);
        var invitation = users.invite(f.retail, "new-" + f.suffix + "@retail.test", "New Analyst",
                Set.of(Role.PARTNER_ANALYST));
        assertThat(invitation.linkToPassOn()).contains("/welcome/");
    }

    @Test
    void refusalsOfAnotherOrganisationAreAuditedAgainstIt() {
        signIn(f.retailAdminName());
        int before = deniedAbout(f.rival);

        assertThatThrownBy(() -> users.disable(f.rivalAnalyst)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trail.records(AuditFilter.none().forOrganisation(f.rival), 0, 10))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(deniedAbout(f.rival)).isEqualTo(before + 2);
    }

    @Test
    void partnerAdminCannotTellAnotherOrganisationsUserFromNoUser() {
        signIn(f.retailAdminName());
        assertThatThrownBy(() -> users.user(f.rivalAnalyst)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.user(Long.MAX_VALUE)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void noPartnerAdminCanGrantOperatorRoles() {
        signIn(f.retailAdminName());
        assertThatThrownBy(() -> users.invite(f.retail, "boss-" + f.suffix + "@retail.test", "Boss",
                Set.of(Role.ACCOUNT_MANAGER))).isInstanceOf(AdministrationException.class)
                .hasMessageContaining("may only have these roles");
        assertThatThrownBy(() -> users.changeRoles(f.retailAnalyst, Set.of(Role.DATA_OPERATOR)))
                .isInstanceOf(AdministrationException.class);
    }

    @Test
    void partnerAdminReadsOnlyTheirOwnOrganisationsAuditRecords() {
        auditLog.record(f.rivalAnalystName(), f.rival, io.crowdlens.audit.AuditAction.QUERY, AuditOutcome.SUCCESS,
                "rival's secret query " + f.suffix);
        auditLog.record(f.retailAnalystName(), f.retail, io.crowdlens.audit.AuditAction.QUERY, AuditOutcome.SUCCESS,
                "retail's query " + f.suffix);
        signIn(f.retailAdminName());

        var records = trail.records(new AuditFilter(null, null, null, null, null), 0, 500);
        assertThat(records).extracting(r -> r.detail()).contains("retail's query " + f.suffix)
                .doesNotContain("rival's secret query " + f.suffix);
        StringWriter csv = new StringWriter();
        trail.exportCsv(AuditFilter.none(), csv);
        assertThat(csv.toString()).contains("retail's query " + f.suffix).doesNotContain("rival's secret query");
        assertThat(trail.organisations(null, 0, 50)).extracting(o -> o.id()).containsExactly(f.retail);
    }

    @Test
    void accountManagerReadsAndManagesEveryOrganisation() {
        auditLog.record(f.rivalAnalystName(), f.rival, io.crowdlens.audit.AuditAction.QUERY, AuditOutcome.SUCCESS,
                "rival's query " + f.suffix);
        signIn(f.accountManagerName());

        assertThat(trail.records(AuditFilter.none().forOrganisation(f.rival), 0, 50)).extracting(r -> r.detail())
                .contains("rival's query " + f.suffix);
        assertThat(users.users(new UserQuery(f.rival, null), 0, 50)).hasSize(2);
        assertThat(licences.licences(new LicenceQuery(f.rival, null, false), 0, 50)).hasSize(1);
        users.resetPassword(f.rivalAnalyst);
        organisations.suspend(f.rival);
        organisations.reactivate(f.rival);
        assertThatThrownBy(() -> organisations.suspend(f.operator)).as("not their own organisation")
                .isInstanceOf(AdministrationException.class);
        assertThatThrownBy(() -> users.disable(f.accountManager)).as("not themselves")
                .isInstanceOf(AdministrationException.class);
    }

    @Test
    void partnerSeesOnlyItsOwnLicencesAndData() {
        signIn(f.retailAnalystName());
        assertThat(scopes.scopeFor(Dataset.PRESENCE).permits(Fixtures.H3, f.cell)).isFalse();
        assertThat(scopes.myLicences()).extracting(l -> l.id()).containsExactly(f.retailLicence);
        signIn(f.rivalAnalystName());
        assertThat(scopes.scopeFor(Dataset.PRESENCE).permits(Fixtures.DISTRICTS, f.oldTown)).isFalse();
        assertThat(scopes.myLicences()).extracting(l -> l.id()).containsExactly(f.rivalLicence);
    }

    @Test
    void ownAccountMethodsActOnlyOnTheCaller() {
        signIn(f.retailAnalystName());
        account.signOutEverywhere();

        assertThat(accounts.findByUsername(f.retailAnalystName()).orElseThrow().sessionGeneration()).isEqualTo(1);
        assertThat(accounts.findByUsername(f.rivalAnalystName()).orElseThrow().sessionGeneration()).isZero();
    }

    private boolean rivalUnchanged() {
        var rob = accounts.findByUsername(f.rivalAnalystName()).orElseThrow();
        return rob.isEnabled() && rob.roles().equals(Set.of(Role.PARTNER_ANALYST))
                && db.fetchExists(io.crowdlens.db.Tables.LICENCE, io.crowdlens.db.Tables.LICENCE.ID.eq(f.rivalLicence)
                        .and(io.crowdlens.db.Tables.LICENCE.REVOKED_AT.isNull()));
    }

    private int deniedAbout(long organisation) {
        return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.SUBJECT_ORGANISATION_ID.eq(organisation)
                .and(AUDIT_EVENT.OUTCOME.eq("DENIED")));
    }

    void signIn(String username) {
        SignedIn.as(accounts.loadUserByUsername(username), securityContext);
    }
}
