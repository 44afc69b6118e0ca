package io.crowdlens.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.crowdlens.security.ApiTokenException;
import io.crowdlens.security.ApiTokenScope;
import io.crowdlens.security.ApiTokenSummary;
import io.crowdlens.security.ApiTokens;
import io.crowdlens.security.IssuedApiToken;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * A person's own API tokens on their account page: create one (a name, what it may read, how long it
 * works), see its secret once, list them with last use, revoke them.
 */
class ApiTokensSection extends VerticalLayout {

    private final ApiTokens tokens;
    private final Grid<ApiTokenSummary> grid = new Grid<>();

    ApiTokensSection(ApiTokens tokens) {
        this.tokens = tokens;
        setPadding(false);
        setId("api-tokens");
        add(new H3("API tokens"));
        Set<ApiTokenScope> available = tokens.availableScopes();
        if (available.isEmpty()) {
            add(new Paragraph("Your role and licences allow no API tokens."));
        } else {
            add(new Paragraph("A token lets a script, notebook or BI tool read what you may, over the partner API "
                    + "(docs/api.md), without your password. It acts as you, within your licences, until it expires "
                    + "or you revoke it."), creationForm(available));
        }
        grid.setId("my-tokens");
        ApiTokenColumns.add(grid);
        grid.addComponentColumn(t -> ApiTokenRevocation.button(tokens, t, "your", this::refresh)).setHeader("")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private VerticalLayout creationForm(Set<ApiTokenScope> available) {
        TextField name = new TextField("Name");
        name.setId("token-name");
        name.setPlaceholder("e.g. Footfall notebook");
        name.setMaxLength(100);
        CheckboxGroup<ApiTokenScope> scopes = new CheckboxGroup<>("Reads");
        scopes.setId("token-scopes");
        scopes.setItems(available.stream().sorted().toList());
        scopes.setItemLabelGenerator(ApiTokenScope::label);
        if (available.size() == 1) {
            scopes.setValue(available);
        }
        int maxDays = tokens.maxValidDays();
        IntegerField days = new IntegerField("Valid for (days)");
        days.setId("token-days");
        days.setMin(1);
        days.setMax(maxDays);
        days.setValue(Math.min(90, maxDays));
        days.setStepButtonsVisible(true);
        days.setHelperText("At most " + maxDays + " days");
        Paragraph error = new Paragraph();
        error.setId("token-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        Button create = new Button("Create token", e -> {
            try {
                IssuedApiToken issued = tokens.create(name.getValue(), scopes.getValue(),
                        days.getValue() == null ? 0 : days.getValue());
                error.setVisible(false);
                name.clear();
                refresh();
                new SecretDialog(issued).open();
            } catch (ApiTokenException refused) {
                error.setText(refused.getMessage());
                error.setVisible(true);
            }
        });
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, scopes, days, create);
        form.setWrap(true);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        VerticalLayout section = new VerticalLayout(form, error);
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }

    private void refresh() {
        grid.setItems(tokens.mine());
    }

    /** The only time the secret is shown. */
    private static class SecretDialog extends Dialog {

        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        SecretDialog(IssuedApiToken issued) {
            setHeaderTitle("Token \"" + issued.token().name() + "\" created");
            setId("token-secret-dialog");
            TextField secret = new TextField();
            secret.setId("token-secret");
            secret.setValue(issued.secret());
            secret.setReadOnly(true);
            secret.setWidthFull();
            add(new Paragraph("Copy it now: it is not shown again, and CrowdLens keeps only a fingerprint of it. "
                    + "It works until " + WHEN.format(issued.token().expiresAt()) + ". Send it as the header "
                    + "Authorization: Bearer <token>."), secret);
            Button done = new Button("Done", e -> close());
            done.setId("close-token-secret");
            done.addThemeVariants(ButtonVariant.PRIMARY);
            getFooter().add(done);
            setWidth("40rem");
        }
    }
}
