package io.crowdlens.release.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.drop.CellReader;
import io.crowdlens.pipeline.drop.QuarantineFile;
import io.crowdlens.pipeline.geography.AreaReader;
import io.crowdlens.pipeline.geography.Geography;
import io.crowdlens.pipeline.presence.PresenceCount;
import io.crowdlens.pipeline.presence.PublishablePresence;
import io.crowdlens.pipeline.protect.NoiseRecord;
import io.crowdlens.pipeline.publish.ReleaseDraft;
import io.crowdlens.pipeline.publish.ReleasePublisher;
import io.crowdlens.pipeline.quality.InputProfile.DayInput;
import io.crowdlens.privacy.FigureFamily;
import io.crowdlens.release.OperatorRelease;
import io.crowdlens.release.ReleaseCatalogue;
import io.crowdlens.release.ReleaseSummary;
import io.crowdlens.security.Role;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.OnH2;
import io.crowdlens.testing.SignedIn;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 16: the data operator opens a release held for review, reads its quality report and why it is
 * held, approves it and the portal serves it; withdrawing it brings the previous release back.
 */
@OnH2
@TestPropertySource(properties = "crowdlens.test.isolated-context=held-release-view")
class DataOperatorReviewsAHeldReleaseViewTest extends SpringBrowserlessTest {

    static final String DATA_OPERATOR = "dora@operator.test";
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String REPORT = "Rows\n  events: 45 read, 45 accepted, 0 opted out, 0 rejected\nAreas\n"
            + "  layer district: events in no area 30 of 45 (66.7 %)\nChecks\n  => held for review";
    static final String REASONS = "UNPLACED_EVENTS: layer district: 66.7 % of accepted events (30 of 45) are on cells"
            + " in no area";

    @Autowired DSLContext db;
    @Autowired UserAccounts accounts;
    @Autowired ReleasePublisher publisher;
    @Autowired ReleaseCatalogue catalogue;
    @Autowired Clock clock;
    @Autowired SecurityContextHolderStrategy securityContext;

    @TempDir
    Path temp;

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void operatorReadsTheHeldReleasesReportApprovesItAndWithdrawingBringsThePreviousBack() {
        Fixtures fixtures = new Fixtures(db);
        fixtures.user(fixtures.organisation("Operator"), DATA_OPERATOR, "{noop}x", Role.DATA_OPERATOR);
        long previous = publish("before", ReleasePublisher.Review.NONE);
        long held = publish("after", new ReleasePublisher.Review(true, REASONS, REPORT,
                List.of(new DayInput(DAY, 45, 22))));
        SignedIn.as(accounts.loadUserByUsername(DATA_OPERATOR), securityContext);
        assertThat(servedPresence()).isEqualTo(previous);

        navigate(ReleasesView.class);

        assertThat(find(Div.class).id("held-releases").getText()).startsWith("Awaiting review: Presence release " + held);
        select(held);
        assertThat(find(Div.class).id("held-reasons").getText()).contains(REASONS);
        assertThat(find(Pre.class).id("quality-report").getText()).isEqualTo(REPORT);

        test(find(Button.class).id("approve")).click();

        assertThat(servedPresence()).isEqualTo(held);
        assertThat(find(Div.class).withId("held-releases").exists()).isFalse();
        select(held);
        assertThat(find(Div.class).id("approved-by").getText()).contains(DATA_OPERATOR);

        test(find(TextField.class).id("withdraw-reason")).setValue("shoreline cells belong to the city after all");
        test(find(Button.class).id("withdraw")).click();

        assertThat(servedPresence()).isEqualTo(previous);
    }

    @SuppressWarnings("unchecked")
    private void select(long releaseId) {
        Grid<OperatorRelease> grid = find(Grid.class).id("releases");
        OperatorRelease row = grid.getGenericDataView().getItems().filter(r -> r.summary().id() == releaseId)
                .findFirst().orElseThrow();
        grid.select(row);
    }

    private long servedPresence() {
        return catalogue.current(Dataset.PRESENCE).map(ReleaseSummary::id).orElseThrow();
    }

    private long publish(String dropId, ReleasePublisher.Review review) {
        Path drop = Path.of("src/test/resources/pipeline/hand-counted");
        Geography geography;
        try (QuarantineFile quarantine = new QuarantineFile(temp, "cells.csv")) {
            geography = Geography.of(AreaReader.read(drop.resolve("areas.geojson")),
                    CellReader.read(drop.resolve("cells.csv"), quarantine).cells(), 8);
        }
        List<PresenceCount> rows = List.of(new PresenceCount("district", "N", DAY, 8, 12),
                new PresenceCount("district", "N", DAY, null, 12));
        var presence = new ReleasePublisher.ProductRelease(new PublishablePresence(rows, List.of(new NoiseRecord(
                FigureFamily.PRESENCE_HOURLY, BigDecimal.ZERO, 0, 0, "test", 1, 0, 6, 2))), 7);
        ReleaseDraft draft = new ReleaseDraft("run-" + dropId, dropId, DAY, DAY, "Europe/Berlin", 10, 1, "v1", 45, 45,
                0, 0, "duckdb", 5, "NONE", 1e-9);
        return publisher.publish(draft, geography, List.of(presence), 5, clock.millis(), review).get(Dataset.PRESENCE);
    }
}
