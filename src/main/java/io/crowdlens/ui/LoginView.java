package io.crowdlens.ui;

import com.vaadin.flow.component.UI;
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
import io.crowdlens.security.ui.ForgotPasswordView;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The sign-in page. What a failure says depends on what the person proved (decision 032): a wrong
 * password, an unknown name and a wrong password for a locked account all read the same; only the
 * correct password for a locked account is told it is locked and whom to ask; a paused name or
 * address is told when to try again.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · CrowdLens")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String GENERIC = "Check your email and password and try again. If you have forgotten your "
            + "password, use \"Forgot password?\" below.";
    static final String LOCKED = "Your password is correct, but this account is locked after too many failed "
            + "sign-ins. To get back in, reset your password with \"Forgot password?\" below, or ask your "
            + "organisation's partner admin (or your CrowdLens account manager) to unlock the account or send "
            + "you a reset link.";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final LoginForm form = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        H1 brand = new H1("CrowdLens");
        brand.addClassName("crowdlens-brand");
        Paragraph tagline = new Paragraph("Aggregate mobility insight. No figure below the minimum crowd, ever.");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(true);
        form.addForgotPasswordListener(e -> UI.getCurrent().navigate(ForgotPasswordView.class));
        form.setI18n(i18n("Sign-in failed", GENERIC));
        add(brand, tagline, form);
    }

    private static LoginI18n i18n(String errorTitle, String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Email");
        i18n.getForm().setForgotPassword("Forgot password?");
        i18n.getErrorMessage().setTitle(errorTitle);
        i18n.getErrorMessage().setMessage(errorMessage);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("locked")) {
            form.setI18n(i18n("Account locked", LOCKED));
            form.setError(true);
        } else if (parameters.containsKey("throttled")) {
            Instant retry = retryAfter(parameters.get("throttled"));
            form.setI18n(i18n("Too many failed sign-ins", tryAgainAfter(retry, ZoneOffset.UTC, true)));
            form.setError(true);
            // say the time in the person's own time zone once the browser has told us which it is
            UI ui = event.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> {
                try {
                    ZoneId zone = ZoneId.of(details.getTimeZoneId());
                    form.setI18n(i18n("Too many failed sign-ins", tryAgainAfter(retry, zone, false)));
                    form.setError(true);
                } catch (DateTimeException | NullPointerException unknownZone) {
                    // keep the UTC text
                }
            });
        } else {
            form.setI18n(i18n("Sign-in failed", GENERIC));
            // "expired": the second sign-in step waited too long; start again like after a failure
            form.setError(parameters.containsKey("error") || parameters.containsKey("expired"));
        }
    }

    static String tryAgainAfter(Instant retry, ZoneId zone, boolean sayZone) {
        // round up to the next minute so "after HH:MM" is never too early
        Instant shown = retry.getEpochSecond() % 60 == 0 ? retry : Instant.ofEpochSecond((retry.getEpochSecond() / 60 + 1) * 60);
        return "Too many failed sign-ins for this email from your network. Try again after "
                + HH_MM.format(shown.atZone(zone)) + (sayZone ? " UTC" : "")
                + ". If you have forgotten your password, use \"Forgot password?\" below.";
    }

    private static Instant retryAfter(List<String> values) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(values.getFirst()));
        } catch (RuntimeException malformed) {
            return Instant.now().plusSeconds(15 * 60);
        }
    }
}
