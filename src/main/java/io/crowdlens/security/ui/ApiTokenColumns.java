package io.crowdlens.security.ui;

import com.vaadin.flow.component.grid.Grid;
import io.crowdlens.security.ApiTokenScope;
import io.crowdlens.security.ApiTokenSummary;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** The columns every token list shows; the secret is never among them, only its first characters. */
final class ApiTokenColumns {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ApiTokenColumns() {
    }

    static void add(Grid<ApiTokenSummary> grid) {
        grid.addColumn(ApiTokenSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(t -> t.scopes().stream().sorted().map(ApiTokenScope::label).collect(Collectors.joining(", ")))
                .setHeader("Reads").setAutoWidth(true);
        grid.addColumn(t -> t.hint() + "…").setHeader("Starts with").setAutoWidth(true);
        grid.addColumn(t -> day(t.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(t -> day(t.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "Never" : WHEN.format(local(t.lastUsedAt())))
                .setHeader("Last used").setAutoWidth(true);
        grid.addColumn(t -> t.status(Instant.now()).label()
                + (t.revokedBy() == null ? "" : " by " + t.revokedBy())).setHeader("Status").setAutoWidth(true);
    }

    private static String day(OffsetDateTime at) {
        return DAY.format(local(at));
    }

    private static OffsetDateTime local(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
