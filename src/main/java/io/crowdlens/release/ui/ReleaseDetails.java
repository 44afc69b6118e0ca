package io.crowdlens.release.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.crowdlens.release.OperatorRelease;
import io.crowdlens.release.ReleaseDecisions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One release as the data operator reviews it: why it is held, its run's data-quality report, and the
 * actions its status allows (approve a held release; withdraw a served or held one, with a reason).
 */
class ReleaseDetails extends VerticalLayout {

    private final ReleaseDecisions decisions;
    private final String operator;
    private final Runnable changed;

    ReleaseDetails(ReleaseDecisions decisions, String operator, Runnable changed) {
        this.decisions = decisions;
        this.operator = operator;
        this.changed = changed;
        setId("release-details");
        setPadding(false);
        setVisible(false);
    }

    void show(OperatorRelease release) {
        removeAll();
        if (release == null) {
            setVisible(false);
            return;
        }
        setVisible(true);
        long id = release.summary().id();
        add(new H3(release.summary().dataset().label() + " release " + id + " · "
                + ReleasesView.status(release.summary())));
        if (release.heldReasons() != null && release.awaitingReview()) {
            Div held = new Div();
            held.setId("held-reasons");
            held.getStyle().set("white-space", "pre-line").set("color", "var(--lumo-error-text-color)");
            held.setText("Held for review, not served: its run's quality checks failed.\n" + release.heldReasons());
            add(held);
        }
        if (release.approvedBy() != null) {
            Div approved = new Div("Approved after review by " + release.approvedBy() + ".");
            approved.setId("approved-by");
            add(approved);
        }
        Pre report = new Pre(release.qualityReport() == null
                ? "No data-quality report: this release predates the report." : release.qualityReport());
        report.setId("quality-report");
        report.getStyle().set("font-size", "var(--lumo-font-size-s)").set("white-space", "pre-wrap");
        add(report);

        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(Alignment.BASELINE);
        if (release.awaitingReview()) {
            Button approve = new Button("Approve and serve", e -> act(() -> {
                List<Long> served = decisions.approve(id, operator);
                return "The portal now serves release" + (served.size() > 1 ? "s " : " ")
                        + served.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".";
            }));
            approve.setId("approve");
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(approve);
        }
        String status = release.summary().status();
        if (status.equals("PUBLISHED") || status.equals("AWAITING_REVIEW")) {
            TextField reason = new TextField("Reason to withdraw");
            reason.setId("withdraw-reason");
            reason.setWidth("24em");
            Button withdraw = new Button("Withdraw", e -> act(() -> {
                return "Release " + id + " withdrawn; " + decisions.withdraw(id, operator, reason.getValue()).map(r -> "release " + r + " is served.")
                        .orElse("nothing is served for this dataset.");
            }));
            withdraw.setId("withdraw");
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(reason, withdraw);
        }
        if (actions.getComponentCount() > 0) {
            add(actions);
        }
    }

    private void act(java.util.function.Supplier<String> action) {
        try {
            String done = action.get();
            Notification.show(done, 5000, Notification.Position.BOTTOM_START);
            changed.run();
        } catch (IllegalArgumentException refused) {
            Div error = new Div(refused.getMessage());
            error.setId("action-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            add(error);
        }
    }
}
