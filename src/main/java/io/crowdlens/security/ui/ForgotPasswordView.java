package io.crowdlens.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.crowdlens.security.ClientAddresses;
import io.crowdlens.security.PasswordResetRequests;

/**
 * "Forgot password?": the person enters their address and reads one answer, the same whether or
 * not an account has that address (decision 032).
 */
@Route(value = "forgot-password", autoLayout = false)
@PageTitle("Forgot password · CrowdLens")
@AnonymousAllowed
public class ForgotPasswordView extends VerticalLayout {

    ForgotPasswordView(PasswordResetRequests requests, ClientAddresses addresses) {
        setAlignItems(Alignment.CENTER);
        H1 brand = new H1("CrowdLens");
        brand.addClassName("crowdlens-brand");
        Div box = new Div();
        box.setMaxWidth("30rem");
        box.setId("forgot-password");
        EmailField email = new EmailField("Email");
        email.setId("reset-email");
        email.setWidthFull();
        email.setMaxLength(254);
        Button send = new Button("Send reset link");
        send.setId("reset-send");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClickShortcut(Key.ENTER);
        Paragraph answer = new Paragraph();
        answer.setId("reset-answer");
        answer.setVisible(false);
        send.addClickListener(e -> {
            String address = HttpRequests.current().map(addresses::of).orElse("unknown");
            answer.setText(requests.request(email.getValue(), address));
            answer.setVisible(true);
            email.clear();
        });
        box.add(new H2("Forgot your password?"),
                new Paragraph("Enter the email address you sign in with. We will send a link to choose a new "
                        + "password, or pass your request to your organisation's partner admin or your CrowdLens "
                        + "account manager."),
                email, send, answer, new Paragraph(new Anchor("login", "Back to sign in")));
        add(brand, box);
    }
}
