package io.crowdlens.release.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.publish.OptOutListRegister;
import io.crowdlens.security.Role;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.OnH2;
import io.crowdlens.testing.SignedIn;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;

/** The Releases page tells the data operator when a newer opt-out list calls for a re-publish. */
@OnH2
@TestPropertySource(properties = "crowdlens.test.isolated-context=republish-view")
class DataOperatorIsToldToRepublishViewTest extends SpringBrowserlessTest {

    static final String DATA_OPERATOR = "dora@operator.test";

    @Autowired DSLContext db;
    @Autowired UserAccounts accounts;
    @Autowired OptOutListRegister optOutLists;
    @Autowired SecurityContextHolderStrategy securityContext;

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void dataOperatorSeesThatTheServedReleaseMustBeRepublishedAfterANewOptOutList() {
        Fixtures fixtures = new Fixtures(db);
        fixtures.user(fixtures.organisation("Operator"), DATA_OPERATOR, "{noop}x", Role.DATA_OPERATOR);
        // Fixtures publish with opt-out list "v1"
        optOutLists.register("v1", 10, "test");
        long served = fixtures.publishedRelease(Dataset.PRESENCE, LocalDate.of(2026, 10, 19), LocalDate.of(2026, 11, 1), 15);
        optOutLists.register("v2", 11, "test");
        SignedIn.as(accounts.loadUserByUsername(DATA_OPERATOR), securityContext);

        navigate(ReleasesView.class);

        assertThat(find(Div.class).id("stale-releases").getText())
                .startsWith("Re-publish needed: an opt-out list arrived after the one that Presence release " + served
                        + " (list v1) honoured");
    }
}
