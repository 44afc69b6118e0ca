package io.crowdlens.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.crowdlens.security.TwoStepSignIn;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Shown once after enrolling two-factor at sign-in: the new recovery codes. */
@Route("account/recovery-codes")
@PageTitle("Recovery codes · CrowdLens")
@PermitAll
class RecoveryCodesView extends VerticalLayout implements BeforeEnterObserver {

    private final TwoStepSignIn twoStep;

    RecoveryCodesView(TwoStepSignIn twoStep) {
        this.twoStep = twoStep;
        addClassName("crowdlens-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        List<String> codes = twoStep.takeFreshRecoveryCodes(HttpRequests.session());
        add(new H2("Two-factor sign-in is set up"));
        if (codes.isEmpty()) {
            add(new Paragraph("Recovery codes are shown only once. You can make new ones on your account page."));
        } else {
            add(new RecoveryCodeList(codes));
        }
        Button next = new Button("Continue", e -> getUI().ifPresent(ui -> ui.navigate("")));
        next.setId("continue");
        next.addThemeVariants(ButtonVariant.PRIMARY);
        add(next);
    }
}
