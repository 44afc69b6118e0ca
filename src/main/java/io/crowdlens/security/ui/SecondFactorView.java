package io.crowdlens.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.crowdlens.security.PendingSignIn;
import io.crowdlens.security.SecondFactorFilter;
import io.crowdlens.security.SecondFactorHint;
import io.crowdlens.security.TwoStepSignIn;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The second sign-in step: the code from the authenticator app (or a recovery code). An account
 * that must use two-factor but has none yet enrols here, with the QR code shown. The code is sent
 * as a plain form post to {@link SecondFactorFilter}, like the password.
 */
@Route(value = "login/second-factor", autoLayout = false)
@PageTitle("Two-factor sign-in · CrowdLens")
@AnonymousAllowed
class SecondFactorView extends VerticalLayout implements BeforeEnterObserver {

    private final TwoStepSignIn twoStep;
    private final ObjectProvider<SecondFactorHint> hints;

    SecondFactorView(TwoStepSignIn twoStep, ObjectProvider<SecondFactorHint> hints) {
        this.twoStep = twoStep;
        this.hints = hints;
        setAlignItems(Alignment.CENTER);
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<PendingSignIn> pending = twoStep.pending(HttpRequests.session());
        if (pending.isEmpty()) {
            event.forwardTo("login");
            return;
        }
        removeAll();
        H1 brand = new H1("CrowdLens");
        brand.addClassName("crowdlens-brand");
        add(brand);
        Div box = new Div();
        box.setMaxWidth("26rem");
        add(box);
        boolean error = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        twoStep.enrolmentFor(pending.get()).ifPresentOrElse(enrolment -> {
            box.add(new H2("Set up two-factor sign-in"),
                    new Paragraph("Your role requires a second step when you sign in: a 6-digit code from an "
                            + "authenticator app on your phone."),
                    new QrImage(enrolment));
        }, () -> box.add(new H2("Two-factor sign-in"),
                new Paragraph("Enter the 6-digit code from your authenticator app, or one of your recovery codes.")));
        hints.ifAvailable(h -> h.hintFor(pending.get().username()).ifPresent(hint -> {
            Paragraph p = new Paragraph(hint);
            p.setId("demo-code-hint");
            p.getStyle().set("color", "var(--lumo-secondary-text-color)");
            box.add(p);
        }));
        box.add(form(error));
        box.add(new Paragraph(new Anchor("login", "Start again")));
    }

    private Div form(boolean error) {
        TextField code = new TextField("Code");
        code.setId("code");
        code.getElement().setAttribute("name", "code");
        code.getElement().setProperty("name", "code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setAutofocus(true);
        code.setRequired(true);
        code.setMaxLength(24);
        code.setWidthFull();
        if (error) {
            code.setInvalid(true);
            code.setErrorMessage("That code is not correct. After repeated failures the account is locked.");
        }
        Element csrf = new Element("input");
        csrf.setAttribute("type", "hidden");
        csrf.setAttribute("name", "_csrf");
        csrf.setAttribute("value", HttpRequests.csrfToken());
        NativeButton submit = new NativeButton("Verify");
        submit.setId("verify");
        submit.getElement().setAttribute("type", "submit");
        submit.getStyle().set("margin-top", "var(--lumo-space-m)").set("padding", "0.5em 1.5em")
                .set("background", "var(--lumo-primary-color)").set("color", "var(--lumo-primary-contrast-color)")
                .set("border", "none").set("border-radius", "var(--lumo-border-radius-m)")
                .set("font", "inherit").set("cursor", "pointer");
        Div wrapper = new Div();
        Element formElement = new Element("form");
        formElement.setAttribute("method", "post");
        formElement.setAttribute("action", HttpRequests.contextPath() + SecondFactorFilter.PATH);
        formElement.setAttribute("id", "second-factor-form");
        formElement.appendChild(code.getElement(), csrf, submit.getElement());
        wrapper.getElement().appendChild(formElement);
        return wrapper;
    }
}
