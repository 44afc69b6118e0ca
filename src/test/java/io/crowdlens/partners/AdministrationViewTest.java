package io.crowdlens.partners;

import static io.crowdlens.db.Tables.LICENCE;
import static io.crowdlens.db.Tables.LICENCE_AREA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.audit.AuditRecord;
import io.crowdlens.security.Role;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.SignedIn;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;

/**
 * The administration views as account managers and partner admins use them, browserless, on H2,
 * including what a partner admin gets when they type another organisation's address.
 */
@io.crowdlens.testing.OnH2
@TestPropertySource(properties = "crowdlens.test.isolated-context=administration-views")
class AdministrationViewTest extends SpringBrowserlessTest {

    @Autowired DSLContext db;
    @Autowired UserAccounts accounts;
    @Autowired AuditLog audit;
    @Autowired SecurityContextHolderStrategy securityContext;

    static AdministrationFixture f;

    @BeforeEach
    void fixture() {
        if (f == null || !accounts.findByUsername(f.accountManagerName()).isPresent()) {
            f = new AdministrationFixture(db, "views");
            audit.record(f.rivalAnalystName(), f.rival, AuditAction.QUERY, AuditOutcome.SUCCESS, "rival's query");
            audit.record(f.retailAnalystName(), f.retail, AuditAction.QUERY, AuditOutcome.SUCCESS, "retail's query");
        }
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void accountManagerCreatesAnOrganisationAndLandsOnIt() {
        signIn(f.accountManagerName());
        navigate("admin/organisations", Component.class);

        test(find(Button.class).id("new-organisation")).click();
        test(find(TextField.class).id("organisation-name")).setValue("Quayside Cafés");
        test(find(Button.class).id("create-organisation")).click();

        assertThat(find(H2.class).id("organisation-heading").getText()).isEqualTo("Quayside Cafés");
        assertThat(find(Span.class).id("organisation-status").getText()).isEqualTo("Partner · Active");
    }

    @Test
    void accountManagerSuspendsAnOrganisationOnlyAfterConfirming() {
        long id = new io.crowdlens.testing.Fixtures(db).organisation("Suspend Me Ltd");
        signIn(f.accountManagerName());
        navigate("admin/organisations/" + id, Component.class);

        test(find(Button.class).id("suspend-organisation")).click();
        test(find(ConfirmDialog.class).id("confirm-dialog")).cancel();
        assertThat(find(Span.class).id("organisation-status").getText()).endsWith("Active");

        test(find(Button.class).id("suspend-organisation")).click();
        test(find(ConfirmDialog.class).id("confirm-dialog")).confirm();
        assertThat(find(Span.class).id("organisation-status").getText()).endsWith("Suspended");
    }

    @Test
    void partnerAdminInvitesAColleagueAndIsShownTheOneTimeLinkToPassOn() {
        signIn(f.retailAdminName());
        navigate("team", Component.class);
        @SuppressWarnings("unchecked")
        Grid<UserSummary> team = find(Grid.class).id("users");
        assertThat(test(team).size()).isEqualTo(2);

        test(find(Button.class).id("invite-user")).click();
        test(find(EmailField.class).id("invite-email")).setValue("colleague@retail.test");
        test(find(TextField.class).id("invite-name")).setValue("Col League");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = find(CheckboxGroup.class).id("roles");
        assertThat(roles.getListDataView().getItems()).containsExactlyInAnyOrder(Role.PARTNER_ANALYST,
                Role.PARTNER_ADMIN);
        roles.setValue(Set.of(Role.PARTNER_ANALYST));
        test(find(Button.class).id("send-invitation")).click();

        assertThat(find(TextField.class).id("one-time-link").getValue()).contains("/welcome/");
        assertThat(test(team).size()).isEqualTo(3);
    }

    @Test
    void partnerAdminTypingAnotherOrganisationsAddressIsRefused() {
        signIn(f.retailAdminName());

        navigate("admin/organisations/" + f.rival, io.crowdlens.ui.AccessDeniedView.class);
        navigate("admin/licences/new/" + f.rival, io.crowdlens.ui.AccessDeniedView.class);
        navigate("admin/users", io.crowdlens.ui.AccessDeniedView.class);
        navigate("audit", Component.class);

        @SuppressWarnings("unchecked")
        Grid<AuditRecord> records = find(Grid.class).id("audit-records");
        var details = test(records).size() == 0 ? java.util.List.<String>of()
                : java.util.stream.IntStream.range(0, test(records).size()).mapToObj(i -> test(records).getRow(i).detail())
                        .toList();
        assertThat(details).contains("retail's query").doesNotContain("rival's query");
    }

    @Test
    void accountManagerChoosesLicenceAreasFromTheListAndCannotLowerK() {
        signIn(f.accountManagerName());
        navigate("admin/licences/new/" + f.rival, Component.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> scope = find(RadioButtonGroup.class).id("scope");
        scope.setValue("Chosen areas");
        test(find(TextField.class).id("area-search")).setValue("harbour-views");
        @SuppressWarnings("unchecked")
        Grid<io.crowdlens.licensing.AreaChoice> list = find(Grid.class).id("area-list");
        assertThat(test(list).size()).isEqualTo(1);
        Checkbox harbour = (Checkbox) test(list).getCellComponent(0, 0);
        test(harbour).click();
        assertThat(find(Span.class).id("chosen-count").getText()).isEqualTo("1 area chosen");

        test(find(DatePicker.class).id("data-from")).setValue(AdministrationFixture.JAN_1);
        test(find(DatePicker.class).id("data-to")).setValue(AdministrationFixture.JUN_30);
        IntegerField k = find(IntegerField.class).id("minimum-crowd");
        assertThatThrownBy(() -> test(k).setValue(12)).as("the field refuses a k below the deployment's")
                .isInstanceOf(IllegalArgumentException.class);
        k.setValue(12); // as a forged client would send it
        test(find(Button.class).id("save-licence")).click();
        assertThat(find(Paragraph.class).id("licence-error").getText()).contains("at least 15");

        test(find(IntegerField.class).id("minimum-crowd")).setValue(30);
        test(find(Button.class).id("save-licence")).click();

        assertThat(find(H2.class).id("organisation-heading").getText()).isEqualTo("Rival views");
        long licence = db.select(LICENCE.ID).from(LICENCE).where(LICENCE.ORGANISATION_ID.eq(f.rival))
                .and(LICENCE.MIN_K.eq(30)).fetchSingle().value1();
        assertThat(db.select(LICENCE_AREA.AREA_ID).from(LICENCE_AREA).where(LICENCE_AREA.LICENCE_ID.eq(licence))
                .fetch(LICENCE_AREA.AREA_ID)).containsExactly(f.harbour);
    }

    private void signIn(String username) {
        SignedIn.as(accounts.loadUserByUsername(username), securityContext);
    }
}
