package io.crowdlens.ui;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.ORGANISATION;
import static io.crowdlens.db.Tables.RELEASE_NOISE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.crowdlens.common.Dataset;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.security.Role;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.OnH2;
import io.crowdlens.testing.SignedIn;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;

/**
 * What each role sees in the shell, and what it cannot open by typing a URL. Browserless, on H2.
 * Its fixtures are committed (views read them in their own transactions), so it gets a Spring
 * context, and therefore an in-memory database, of its own.
 */
@OnH2
@TestPropertySource(properties = "crowdlens.test.isolated-context=role-navigation")
class RoleNavigationViewTest extends SpringBrowserlessTest {

    static final String ANALYST = "ana@retail.test";
    static final String PARTNER_ADMIN = "pat@retail.test";
    static final String RIVAL_ANALYST = "rob@rival.test";
    static final String ACCOUNT_MANAGER = "amy@operator.test";
    static final String DATA_OPERATOR = "dan@operator.test";

    @Autowired DSLContext db;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    @BeforeEach
    void organisationsAndUsers() {
        if (db.fetchCount(ORGANISATION) > 0) {
            return; // the Spring context (and its in-memory database) is shared by this class's tests
        }
        Fixtures fixtures = new Fixtures(db);
        fixtures.layers();
        long retail = fixtures.organisation("Retail Co");
        long rival = fixtures.organisation("Rival Co");
        long operator = fixtures.organisation("Operator");
        fixtures.user(retail, ANALYST, "{noop}x", Role.PARTNER_ANALYST);
        fixtures.user(retail, PARTNER_ADMIN, "{noop}x", Role.PARTNER_ADMIN, Role.PARTNER_ANALYST);
        fixtures.user(rival, RIVAL_ANALYST, "{noop}x", Role.PARTNER_ANALYST);
        fixtures.user(operator, ACCOUNT_MANAGER, "{noop}x", Role.ACCOUNT_MANAGER);
        fixtures.user(operator, DATA_OPERATOR, "{noop}x", Role.DATA_OPERATOR);
        fixtures.licence(retail, Dataset.PRESENCE, Fixtures.DISTRICTS, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), OffsetDateTime.now().plusYears(1), null);
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void partnerAnalystLandsOnOverviewAndSeesOnlyPartnerNavigation() {
        signIn(ANALYST);
        navigate("", Component.class);

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("PartnerOverviewView");
        assertThat(navigationTitles()).containsExactly("Overview", "Presence map", "Visitors", "Commuters", "Corridors",
                "How figures are made");
        assertThat(find(Grid.class).id("licences").getListDataView().getItemCount()).isEqualTo(1);
    }

    @Test
    void partnerAnalystCannotOpenAnAccountManagerPageByTypingItsUrl() {
        signIn(ANALYST);
        int deniedBefore = db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("ACCESS_DENIED")
                .and(AUDIT_EVENT.ACTOR.eq(ANALYST)));

        navigate("admin/organisations", AccessDeniedView.class);

        assertThat(find(Grid.class).withId("organisations").exists()).isFalse();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("ACCESS_DENIED")
                .and(AUDIT_EVENT.ACTOR.eq(ANALYST)))).isEqualTo(deniedBefore + 1);
    }

    @Test
    void partnerAnalystCannotOpenTheTeamOrReleasePages() {
        signIn(ANALYST);
        navigate("team", AccessDeniedView.class);
        navigate("operations/releases", AccessDeniedView.class);
    }

    @Test
    void partnerAdminSeesOnlyTheirOwnTeam() {
        signIn(PARTNER_ADMIN);
        navigate("", Component.class);
        assertThat(navigationTitles()).containsExactly("Overview", "Presence map", "Visitors", "Commuters", "Corridors",
                "Team", "Audit trail", "How figures are made");

        navigate("team", Component.class);
        @SuppressWarnings("unchecked")
        Grid<io.crowdlens.partners.UserSummary> team = find(Grid.class).id("users");
        assertThat(team.getGenericDataView().getItems().map(io.crowdlens.partners.UserSummary::username).toList())
                .containsExactlyInAnyOrder(ANALYST, PARTNER_ADMIN);
    }

    @Test
    void accountManagerLandsOnOrganisations() {
        signIn(ACCOUNT_MANAGER);
        navigate("", Component.class);

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("OrganisationsView");
        assertThat(navigationTitles()).containsExactly("Organisations", "Users", "Licences", "Audit trail", "Usage");
        assertThat(find(Grid.class).id("organisations").getGenericDataView().getItems().count()).isEqualTo(3);
    }

    @Test
    void accountManagerCannotOpenPartnerOrOperatorPages() {
        signIn(ACCOUNT_MANAGER);
        navigate("overview", AccessDeniedView.class);
        navigate("operations/releases", AccessDeniedView.class);
    }

    @Test
    void dataOperatorSeesTheNoDataPublishedYetEmptyState() {
        signIn(DATA_OPERATOR);
        navigate("", Component.class);

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ReleasesView");
        assertThat(navigationTitles()).containsExactly("Releases");
        assertThat(find(H3.class).withText("No data published yet").exists()).isTrue();
        assertThat(find(Span.class).id("release-footer").getText()).isEqualTo("No data published yet");
    }

    @Test
    void footerNamesTheServedRelease() {
        long release = new Fixtures(db).publishedRelease(Dataset.PRESENCE, LocalDate.of(2026, 10, 19),
                LocalDate.of(2026, 11, 1), 15);
        try {
            signIn(ANALYST);
            navigate("", Component.class);

            assertThat(find(Span.class).id("release-footer").getText())
                    .isEqualTo("Served: Presence release " + release);
            assertThat(find(H3.class).withText("No data published yet").exists()).isFalse();
        } finally {
            db.deleteFrom(DATA_RELEASE).where(DATA_RELEASE.ID.eq(release)).execute();
        }
    }

    @Test
    void aPartnersFooterNamesOnlyTheDatasetsItIsLicensedFor() {
        Fixtures fixtures = new Fixtures(db);
        long presence = fixtures.publishedRelease(Dataset.PRESENCE, LocalDate.of(2026, 10, 19), LocalDate.of(2026, 11, 1), 15);
        long visitors = fixtures.publishedRelease(Dataset.VISITS, LocalDate.of(2026, 10, 19), LocalDate.of(2026, 11, 1), 15);
        try {
            signIn(ANALYST); // Retail Co holds a presence licence only
            navigate("", Component.class);
            assertThat(find(Span.class).id("release-footer").getText()).isEqualTo("Served: Presence release " + presence);
            SignedIn.out(securityContext);

            signIn(RIVAL_ANALYST); // Rival Co holds no licence
            navigate("", Component.class);
            assertThat(find(Span.class).id("release-footer").getText()).isEqualTo("No licensed datasets");
            SignedIn.out(securityContext);

            signIn(DATA_OPERATOR);
            navigate("", Component.class);
            assertThat(find(Span.class).id("release-footer").getText())
                    .contains("Presence release " + presence, "Visitors release " + visitors);
        } finally {
            db.deleteFrom(DATA_RELEASE).where(DATA_RELEASE.ID.in(presence, visitors)).execute();
        }
    }

    @Test
    void thePartnerPageStatesTheNoiseOfTheServedReleasesItIsLicensedForAndNoOthers() {
        Fixtures fixtures = new Fixtures(db);
        long presence = fixtures.publishedRelease(Dataset.PRESENCE, LocalDate.of(2026, 10, 19), LocalDate.of(2026, 11, 1), 15);
        fixtures.noise(presence, FigureFamily.PRESENCE_HOURLY, "4");
        long visitors = fixtures.publishedRelease(Dataset.VISITS, LocalDate.of(2026, 10, 19), LocalDate.of(2026, 11, 1), 15);
        fixtures.noise(visitors, FigureFamily.VISITS_HOURLY, "3");
        try {
            signIn(ANALYST); // Retail Co holds a presence licence only
            navigate("about/figures", Component.class);

            @SuppressWarnings("unchecked")
            Grid<HowFiguresAreProtectedView.NoiseRow> noise = find(Grid.class).id("noise-parameters");
            List<HowFiguresAreProtectedView.NoiseRow> rows = noise.getGenericDataView().getItems().toList();
            assertThat(rows).extracting(HowFiguresAreProtectedView.NoiseRow::dataset)
                    .containsExactly("Presence (release " + presence + ")");
            assertThat(rows.getFirst().noise()).isEqualTo("discrete Gaussian, sigma 4");
            // 1.96 sigma of a discrete Gaussian with sigma 4, rounded up, as the release records it
            assertThat(rows.getFirst().margin()).isEqualTo("± 8");
            assertThat(find(Paragraph.class).all()).extracting(Paragraph::getText)
                    .anyMatch(text -> text.contains("(Presence: k = 15)"))
                    .noneMatch(text -> text.contains("release " + visitors));
            SignedIn.out(securityContext);

            signIn(ACCOUNT_MANAGER);
            navigate("about/figures", AccessDeniedView.class);
        } finally {
            db.deleteFrom(RELEASE_NOISE).where(RELEASE_NOISE.RELEASE_ID.in(presence, visitors)).execute();
            db.deleteFrom(DATA_RELEASE).where(DATA_RELEASE.ID.in(presence, visitors)).execute();
        }
    }

    @Test
    void aMistypedAddressShowsAFriendlyNotFoundPage() {
        signIn(ANALYST);
        navigate("no-such-page", PageNotFoundView.class);
        assertThat(find(H2.class).withText("This page does not exist").exists()).isTrue();
    }

    @Test
    void theAccessDeniedPageTellsEachRoleWhoCanGiveItAccess() {
        signIn(ANALYST);
        navigate("admin/organisations", AccessDeniedView.class);
        assertThat(deniedAdvice()).contains("your organisation's CrowdLens administrator (a partner admin)");
        SignedIn.out(securityContext);

        signIn(PARTNER_ADMIN);
        navigate("admin/organisations", AccessDeniedView.class);
        assertThat(deniedAdvice()).contains("ask your account manager").doesNotContain("partner admin)");
        SignedIn.out(securityContext);

        signIn(ACCOUNT_MANAGER);
        navigate("operations/releases", AccessDeniedView.class);
        assertThat(deniedAdvice()).contains("data operators after data releases").doesNotContain("your account manager");
    }

    private String deniedAdvice() {
        return find(Paragraph.class).all().stream().map(Paragraph::getText)
                .filter(text -> text.startsWith("Your role does not include")).findFirst().orElseThrow();
    }

    @Test
    void anonymousVisitorIsSentToSignIn() {
        navigate("overview", LoginView.class);
    }

    private List<String> navigationTitles() {
        SideNav nav = find(SideNav.class).id("main-nav");
        return nav.getItems().stream().map(SideNavItem::getLabel).toList();
    }

    private void signIn(String username) {
        SignedIn.as(accounts.loadUserByUsername(username), securityContext);
    }
}
