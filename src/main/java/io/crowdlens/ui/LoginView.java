package io.crowdlens.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · CrowdLens")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentModeCenter();
        H1 brand = new H1("CrowdLens");
        brand.addClassName("crowdlens-brand");
        Paragraph tagline = new Paragraph("Aggregate mobility insight. No figure below the minimum crowd, ever.");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Email");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        // One message for every failure: never reveal whether an account exists or is locked.
        i18n.getErrorMessage().setMessage("Check your email and password and try again. "
                + "After repeated failures the account is locked; your administrator can unlock it.");
        form.setI18n(i18n);
        add(brand, tagline, form);
    }

    private void setJustifyContentModeCenter() {
        setJustifyContentMode(JustifyContentMode.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        // "expired": the second sign-in step waited too long; start again like after a failure
        form.setError(parameters.containsKey("error") || parameters.containsKey("expired"));
    }
}
