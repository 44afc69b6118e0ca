package io.crowdlens.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.crowdlens.common.ui.Confirmations;
import io.crowdlens.security.ApiTokenException;
import io.crowdlens.security.ApiTokenSummary;
import io.crowdlens.security.ApiTokens;
import java.time.Instant;
import org.springframework.security.access.AccessDeniedException;

/** The "Revoke" button of a token row: confirmed first, then the token's next request is refused. */
final class ApiTokenRevocation {

    private ApiTokenRevocation() {
    }

    static com.vaadin.flow.component.Component button(ApiTokens tokens, ApiTokenSummary token, String whose,
            Runnable refresh) {
        if (token.status(Instant.now()) != ApiTokenSummary.Status.ACTIVE) {
            return new Span();
        }
        Button revoke = new Button("Revoke", e -> Confirmations.confirm("Revoke the token \"" + token.name() + "\"?",
                "Anything using it, such as " + whose + " scripts and notebooks, is refused from its next request on. "
                        + "This cannot be undone.", "Revoke", () -> {
                    try {
                        tokens.revoke(token.id());
                        Notification.show("Token \"" + token.name() + "\" revoked", 3000,
                                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.SUCCESS);
                    } catch (ApiTokenException | AccessDeniedException refused) {
                        Notification.show(refused.getMessage(), 5000, Notification.Position.MIDDLE)
                                .addThemeVariants(NotificationVariant.ERROR);
                    }
                    refresh.run();
                }));
        revoke.setId("revoke-token-" + token.id());
        revoke.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        return revoke;
    }
}
