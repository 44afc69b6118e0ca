package io.crowdlens.security.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.crowdlens.security.ApiTokenSummary;
import io.crowdlens.security.ApiTokens;

/**
 * An organisation's API tokens with their owners, for partner admins (their own organisation) and
 * account managers (any): who holds which token, when it was last used, and a way to revoke it.
 */
public class ApiTokenGrid extends VerticalLayout {

    private final Grid<ApiTokenSummary> grid = new Grid<>();
    private final ApiTokens tokens;
    private final long organisationId;

    public ApiTokenGrid(ApiTokens tokens, long organisationId) {
        this.tokens = tokens;
        this.organisationId = organisationId;
        setPadding(false);
        grid.setId("organisation-tokens");
        grid.addColumn(t -> t.displayName() + " (" + t.username() + ")").setHeader("Person").setAutoWidth(true);
        ApiTokenColumns.add(grid);
        grid.addComponentColumn(t -> ApiTokenRevocation.button(tokens, t, t.displayName() + "'s", this::refresh))
                .setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new Paragraph("Personal API tokens of this organisation's people. Revoking one stops it at once."), grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.ofOrganisation(organisationId));
    }
}
