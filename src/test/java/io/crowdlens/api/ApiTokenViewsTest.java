package io.crowdlens.api;

import static io.crowdlens.db.Tables.API_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.crowdlens.security.ApiTokenScope;
import io.crowdlens.security.ApiTokenSummary;
import io.crowdlens.security.ApiTokens;
import io.crowdlens.security.IssuedApiToken;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.OnH2;
import io.crowdlens.testing.SignedIn;
import java.util.List;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * API tokens as people manage them, browserless: a partner analyst on their account page, a partner
 * admin on Team, an account manager on an organisation's page, a data operator for metrics.
 */
@OnH2
@TestPropertySource(properties = "crowdlens.test.isolated-context=api-token-views")
class ApiTokenViewsTest extends SpringBrowserlessTest {

    @Autowired DSLContext db;
    @Autowired ApiTokens tokens;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;
    @Autowired PasswordEncoder encoder;

    ApiFixture f;

    @BeforeEach
    void world() {
        f = ApiFixture.in(db, tokens, accounts, securityContext, encoder);
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void analystCreatesATokenSeesTheSecretOnceAndRevokesIt() {
        signIn(ApiFixture.ANA);
        navigate("account", Component.class);
        @SuppressWarnings("unchecked")
        CheckboxGroup<ApiTokenScope> scopes = find(CheckboxGroup.class).id("token-scopes");
        assertThat(scopes.getListDataView().getItems()).containsExactly(ApiTokenScope.PRESENCE, ApiTokenScope.VISITS,
                ApiTokenScope.COMMUTING);

        test(find(TextField.class).id("token-name")).setValue("Footfall notebook");
        test(scopes).selectItems("Presence", "Visitors");
        test(find(IntegerField.class).id("token-days")).setValue(30);
        test(find(Button.class).id("create-token")).click();

        String secret = find(TextField.class).id("token-secret").getValue();
        assertThat(secret).matches("clk_[A-Za-z0-9_-]{43}");
        test(find(Button.class).id("close-token-secret")).click();
        @SuppressWarnings("unchecked")
        Grid<ApiTokenSummary> mine = find(Grid.class).id("my-tokens");
        ApiTokenSummary row = rowNamed(mine, "Footfall notebook");
        assertThat(row.scopes()).containsExactlyInAnyOrder(ApiTokenScope.PRESENCE, ApiTokenScope.VISITS);
        List<String> cells = cells(test(mine), indexOf(mine, row));
        assertThat(cells).contains("Footfall notebook", "Presence, Visitors", secret.substring(0, 10) + "…", "Never",
                "Active");
        assertThat(String.join(" ", cells)).as("the list never shows the secret").doesNotContain(secret);

        test(revokeButton(mine, row.id())).click();
        test(find(ConfirmDialog.class).id("confirm-dialog")).confirm();

        assertThat(db.select(API_TOKEN.REVOKED_BY).from(API_TOKEN).where(API_TOKEN.ID.eq(row.id())).fetchSingle()
                .value1()).isEqualTo(ApiFixture.ANA);
        assertThat(cells(test(mine), indexOf(mine, rowNamed(mine, "Footfall notebook"))))
                .contains("Revoked by " + ApiFixture.ANA);
    }

    @Test
    void aRefusedTokenSaysWhy() {
        signIn(ApiFixture.ROB);
        navigate("account", Component.class);
        @SuppressWarnings("unchecked")
        CheckboxGroup<ApiTokenScope> scopes = find(CheckboxGroup.class).id("token-scopes");
        assertThat(scopes.getListDataView().getItems()).as("Rival is not licensed for commuting")
                .containsExactly(ApiTokenScope.PRESENCE, ApiTokenScope.VISITS);

        test(scopes).selectItems("Presence");
        test(find(Button.class).id("create-token")).click();

        Paragraph error = find(Paragraph.class).id("token-error");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("Give the token a name");

        test(find(TextField.class).id("token-name")).setValue("Quarterly report");
        test(scopes).deselectItems("Presence");
        test(find(Button.class).id("create-token")).click();
        assertThat(error.getText()).isEqualTo("Choose at least one dataset the token may read.");
        assertThatThrownBy(() -> test(find(IntegerField.class).id("token-days")).setValue(91))
                .as("the field itself stops at the deployment's maximum").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partnerAdminSeesTheTeamsTokensAndRevokesOne() {
        IssuedApiToken colleagues = f.token(ApiFixture.ANA, "Colleague's dashboard");
        IssuedApiToken rivals = f.token(ApiFixture.ROB, "Rival's dashboard");
        signIn(ApiFixture.PAT);
        navigate("team", Component.class);
        @SuppressWarnings("unchecked")
        Grid<ApiTokenSummary> team = find(Grid.class).id("organisation-tokens");
        assertThat(rows(team)).extracting(ApiTokenSummary::id).contains(colleagues.token().id())
                .doesNotContain(rivals.token().id());

        test(revokeButton(team, colleagues.token().id())).click();
        test(find(ConfirmDialog.class).id("confirm-dialog")).confirm();

        assertThat(db.select(API_TOKEN.REVOKED_BY).from(API_TOKEN).where(API_TOKEN.ID.eq(colleagues.token().id()))
                .fetchSingle().value1()).isEqualTo(ApiFixture.PAT);
    }

    @Test
    void accountManagerRevokesAPartnersTokenOnTheOrganisationPage() {
        IssuedApiToken rivals = f.token(ApiFixture.ROB, "To be revoked by the operator");
        signIn(ApiFixture.AMY);
        navigate("admin/organisations/" + f.rival, Component.class);
        @SuppressWarnings("unchecked")
        Grid<ApiTokenSummary> organisation = find(Grid.class).id("organisation-tokens");
        assertThat(rows(organisation)).extracting(ApiTokenSummary::id).contains(rivals.token().id());

        test(revokeButton(organisation, rivals.token().id())).click();
        test(find(ConfirmDialog.class).id("confirm-dialog")).confirm();

        assertThat(db.select(API_TOKEN.REVOKED_AT).from(API_TOKEN).where(API_TOKEN.ID.eq(rivals.token().id()))
                .fetchSingle().value1()).isNotNull();
    }

    @Test
    void dataOperatorsCreateMetricsTokens() {
        signIn(ApiFixture.OPS);
        navigate("account", Component.class);
        @SuppressWarnings("unchecked")
        CheckboxGroup<ApiTokenScope> scopes = find(CheckboxGroup.class).id("token-scopes");
        assertThat(scopes.getValue()).as("the only choice is made").containsExactly(ApiTokenScope.METRICS);
        test(find(TextField.class).id("token-name")).setValue("Prometheus");
        test(find(Button.class).id("create-token")).click();
        assertThat(find(TextField.class).id("token-secret").getValue()).startsWith("clk_");
    }

    @Test
    void accountManagersAreToldTheirRoleAllowsNoTokens() {
        signIn(ApiFixture.AMY);
        navigate("account", Component.class);

        assertThat(find(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("Your role and licences allow no API tokens.");
        assertThat(find(Button.class).all()).extracting(b -> b.getId().orElse("")).doesNotContain("create-token");
    }

    private void signIn(String username) {
        SignedIn.as(accounts.loadUserByUsername(username), securityContext);
    }

    /** The Revoke button in the token's row (the last column). */
    private Button revokeButton(Grid<ApiTokenSummary> grid, long tokenId) {
        int row = rows(grid).stream().map(ApiTokenSummary::id).toList().indexOf(tokenId);
        assertThat(row).as("token %d is listed", tokenId).isNotNegative();
        Component cell = test(grid).getCellComponent(row, grid.getColumns().size() - 1);
        assertThat(cell.getId()).contains("revoke-token-" + tokenId);
        return (Button) cell;
    }

    private List<ApiTokenSummary> rows(Grid<ApiTokenSummary> grid) {
        GridTester<Grid<ApiTokenSummary>, ApiTokenSummary> tester = test(grid);
        return IntStream.range(0, tester.size()).mapToObj(tester::getRow).toList();
    }

    private ApiTokenSummary rowNamed(Grid<ApiTokenSummary> grid, String name) {
        return rows(grid).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private int indexOf(Grid<ApiTokenSummary> grid, ApiTokenSummary row) {
        return rows(grid).stream().map(ApiTokenSummary::id).toList().indexOf(row.id());
    }

    private static List<String> cells(GridTester<?, ?> grid, int row) {
        int columns = 7; // the eighth holds the revoke button
        return IntStream.range(0, columns).mapToObj(c -> grid.getCellText(row, c)).toList();
    }
}
