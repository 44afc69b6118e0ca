package io.crowdlens.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.crowdlens.security.AccountSecurityException;
import io.crowdlens.security.LinkHolder;
import io.crowdlens.security.LinkPurpose;
import io.crowdlens.security.OneTimeLinks;
import io.crowdlens.security.PasswordPolicy;
import io.crowdlens.security.TwoFactorEnrolment;
import java.util.List;
import java.util.Optional;

/**
 * Where a one-time link leads: an invited user sets their first password (and sets up two-factor
 * sign-in, required for some roles, offered to everyone); a reset link sets a new password.
 */
@Route(value = "welcome", autoLayout = false)
@PageTitle("Set your password · CrowdLens")
@AnonymousAllowed
class WelcomeView extends VerticalLayout implements HasUrlParameter<String> {

    private final OneTimeLinks links;
    private final Div box = new Div();

    WelcomeView(OneTimeLinks links) {
        this.links = links;
        setAlignItems(Alignment.CENTER);
        H1 brand = new H1("CrowdLens");
        brand.addClassName("crowdlens-brand");
        box.setMaxWidth("30rem");
        box.setId("welcome");
        add(brand, box);
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        box.removeAll();
        Optional<LinkHolder> holder = links.inspect(token);
        if (holder.isEmpty()) {
            box.add(new H2("This link no longer works"), new Paragraph("It has expired or has already been used. "
                    + "Ask for a new one with \"Forgot password?\" on the sign-in page, or ask your administrator."),
                    new Anchor("login", "Sign in"));
            return;
        }
        LinkHolder who = holder.get();
        box.add(new H2(who.purpose() == LinkPurpose.INVITATION ? "Welcome, " + who.displayName()
                : "Set a new password"), new Paragraph("Account: " + who.username()));
        PasswordField password = new PasswordField("Password");
        password.setId("password");
        password.setWidthFull();
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters. No rules about digits or "
                + "symbols: a few unrelated words work well. Common or breached passwords are refused.");
        PasswordField repeat = new PasswordField("Password again");
        repeat.setId("repeat-password");
        repeat.setWidthFull();
        box.add(password, repeat);

        TwoFactorEnrolment enrolment = TwoFactorEnrolment.begin(who.username());
        Div enrolmentBox = new Div(new QrImage(enrolment));
        TextField code = new TextField("Code from the app");
        code.setId("enrolment-code");
        code.setMaxLength(8);
        enrolmentBox.add(code);
        Checkbox wantsTwoFactor = new Checkbox("Also set up two-factor sign-in (recommended)");
        wantsTwoFactor.setId("want-two-factor");
        if (who.twoFactorEnrolled()) {
            enrolmentBox.setVisible(false);
        } else if (who.twoFactorRequired()) {
            box.add(new H2("Two-factor sign-in"), new Paragraph("Your role requires a second step at sign-in: a 6-digit "
                    + "code from an authenticator app on your phone."));
        } else {
            enrolmentBox.setVisible(false);
            wantsTwoFactor.addValueChangeListener(e -> enrolmentBox.setVisible(e.getValue()));
            box.add(wantsTwoFactor);
        }
        box.add(enrolmentBox);
        Button save = new Button("Set password", e -> {
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage("The two passwords differ.");
                return;
            }
            boolean enrol = enrolmentBox.isVisible();
            try {
                List<String> codes = links.redeem(token, password.getValue(), enrol ? enrolment.secret() : null,
                        enrol ? code.getValue() : null);
                done(codes);
            } catch (AccountSecurityException refused) {
                boolean aboutCode = refused.getMessage().contains("code");
                (aboutCode ? code : password).setInvalid(true);
                (aboutCode ? code : password).setErrorMessage(refused.getMessage());
            }
        });
        save.setId("set-password");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        box.add(save);
    }

    private void done(List<String> codes) {
        box.removeAll();
        box.add(new H2("Your password is set"));
        if (!codes.isEmpty()) {
            box.add(new RecoveryCodeList(codes));
        }
        Anchor signIn = new Anchor("login", "Sign in");
        signIn.setId("go-sign-in");
        box.add(new Paragraph(signIn));
    }
}
