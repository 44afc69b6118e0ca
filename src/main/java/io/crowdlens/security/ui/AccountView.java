package io.crowdlens.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.crowdlens.common.ui.Confirmations;
import io.crowdlens.security.AccountSecurity;
import io.crowdlens.security.AccountSecurityException;
import io.crowdlens.security.ApiTokens;
import io.crowdlens.security.CurrentUser;
import io.crowdlens.security.PasswordPolicy;
import io.crowdlens.security.TwoFactorEnrolment;
import io.crowdlens.security.TwoFactorStatus;
import jakarta.annotation.security.PermitAll;

/** Every user's own account: password, two-factor sign-in, recovery codes, API tokens, signing out everywhere. */
@Route("account")
@PageTitle("Your account · CrowdLens")
@PermitAll
class AccountView extends VerticalLayout {

    private final AccountSecurity account;
    private final AuthenticationContext authentication;
    private final Div twoFactor = new Div();

    AccountView(AccountSecurity account, ApiTokens tokens, CurrentUser currentUser,
            AuthenticationContext authentication) {
        this.account = account;
        this.authentication = authentication;
        addClassName("crowdlens-page");
        var me = currentUser.require();
        twoFactor.setId("two-factor");
        add(new H2("Your account"), new Paragraph(me.displayName() + " · " + me.username() + " · "
                + me.organisationName()), passwordSection(), twoFactor, new ApiTokensSection(tokens),
                signOutEverywhereSection());
        showTwoFactor();
    }

    private Component passwordSection() {
        PasswordField current = new PasswordField("Current password");
        current.setId("current-password");
        PasswordField next = new PasswordField("New password");
        next.setId("new-password");
        next.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters. No rules about digits or symbols: "
                + "a few unrelated words work well. Common or breached passwords are refused.");
        PasswordField repeat = new PasswordField("New password again");
        repeat.setId("repeat-password");
        Button change = new Button("Change password");
        change.setId("change-password");
        change.addClickListener(e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage("The two new passwords differ.");
                return;
            }
            try {
                account.changePassword(current.getValue(), next.getValue());
                authentication.logout(); // every session of the account has ended; sign in with the new password
            } catch (AccountSecurityException refused) {
                next.setInvalid(true);
                next.setErrorMessage(refused.getMessage());
            }
        });
        VerticalLayout section = new VerticalLayout(new H3("Password"), current, next, repeat, change);
        section.setPadding(false);
        section.setMaxWidth("32rem");
        return section;
    }

    private void showTwoFactor() {
        twoFactor.removeAll();
        TwoFactorStatus status = account.twoFactorStatus();
        twoFactor.add(new H3("Two-factor sign-in"));
        if (!status.enabled()) {
            twoFactor.add(new Paragraph(status.required()
                    ? "Your role requires two-factor sign-in; you will set it up at your next sign-in."
                    : "Off. With two-factor sign-in, a stolen password alone cannot open your account."));
            Button setUp = new Button("Set up two-factor sign-in", e -> startEnrolment());
            setUp.setId("set-up-two-factor");
            twoFactor.add(setUp);
            return;
        }
        Paragraph on = new Paragraph("On. " + status.recoveryCodesLeft() + " unused recovery codes left.");
        on.setId("two-factor-status");
        PasswordField password = new PasswordField("Current password");
        password.setId("two-factor-password");
        Button renew = new Button("New recovery codes", e -> {
            try {
                var codes = account.renewRecoveryCodes(password.getValue());
                showTwoFactor();
                twoFactor.add(new RecoveryCodeList(codes));
            } catch (AccountSecurityException refused) {
                password.setInvalid(true);
                password.setErrorMessage(refused.getMessage());
            }
        });
        renew.setId("renew-recovery-codes");
        twoFactor.add(on, password, renew);
        if (!status.required()) {
            Button remove = new Button("Turn off two-factor sign-in", e -> Confirmations.confirm("Turn off two-factor sign-in?",
                    "Your password alone will open your account.", "Turn off", () -> {
                        try {
                            account.removeTwoFactor(password.getValue());
                            showTwoFactor();
                        } catch (AccountSecurityException refused) {
                            password.setInvalid(true);
                            password.setErrorMessage(refused.getMessage());
                        }
                    }));
            remove.setId("remove-two-factor");
            remove.addThemeVariants(ButtonVariant.ERROR);
            twoFactor.add(remove);
        }
    }

    private void startEnrolment() {
        TwoFactorEnrolment enrolment = account.beginTwoFactor();
        twoFactor.removeAll();
        TextField code = new TextField("Code from the app");
        code.setId("enrolment-code");
        code.setMaxLength(8);
        Button confirm = new Button("Turn on", e -> {
            try {
                var codes = account.confirmTwoFactor(enrolment.secret(), code.getValue());
                showTwoFactor();
                twoFactor.add(new RecoveryCodeList(codes));
            } catch (AccountSecurityException refused) {
                code.setInvalid(true);
                code.setErrorMessage(refused.getMessage());
            }
        });
        confirm.setId("confirm-two-factor");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        twoFactor.add(new H3("Set up two-factor sign-in"), new QrImage(enrolment), code, confirm);
    }

    private Component signOutEverywhereSection() {
        Button everywhere = new Button("Sign out everywhere", e -> Confirmations.confirm("Sign out everywhere?",
                "Every session of your account ends, on every device, this one included.", "Sign out everywhere",
                () -> {
                    account.signOutEverywhere();
                    authentication.logout();
                }));
        everywhere.setId("sign-out-everywhere");
        return new Div(new H3("Sessions"), new Paragraph("Lost a device, or signed in somewhere you should not have?"),
                everywhere);
    }

}
