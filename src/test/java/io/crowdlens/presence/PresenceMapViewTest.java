package io.crowdlens.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.OnH2;
import io.crowdlens.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;

/** The map explorer as an analyst uses it, browserless, on the hand-counted release of the contract test. */
@OnH2
@TestPropertySource(properties = "crowdlens.test.isolated-context=presence-map-view")
class PresenceMapViewTest extends SpringBrowserlessTest {

    @Autowired org.jooq.DSLContext db;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void analystSeesWhatTheNumbersAreAndABlockedSelectionExplainsHowToWiden() {
        PresenceFixtures.releaseWithHandCountedFigures(db);
        SignedIn.as(accounts.loadUserByUsername("ana@retail.test"), securityContext);

        navigate("presence", Component.class);

        // the default (weekdays 19-25 Oct, 08:00, average): old town (40 + 30) / 5 hours = 14 < k = 15
        assertThat(find(Div.class).id("map-message").getText()).startsWith("Too few people in this selection")
                .contains("widen the time window");
        assertThat(find(Paragraph.class).id("map-description").getText()).isEmpty();

        @SuppressWarnings("unchecked")
        Select<PresenceMetric> metric = find(Select.class).id("metric");
        metric.setValue(PresenceMetric.PEAK_HOUR);

        assertThat(find(Div.class).id("map-message").getText()).isEmpty();
        assertThat(find(Paragraph.class).id("map-description").getText())
                .startsWith("Distinct devices in each area's busiest hour, weekdays (mon-fri) "
                        + "2026-10-19 to 2026-10-25, 08:00-08:59 Europe/Berlin (5 hours). Release ")
                .endsWith("minimum crowd k = 15.");
    }

    @Test
    void withoutAPublishedReleaseTheMapSaysSo() {
        PresenceFixtures.partnerWithoutData(db);
        SignedIn.as(accounts.loadUserByUsername("nia@nodata.test"), securityContext);

        navigate("presence", Component.class);

        assertThat(find(H3.class).withText("No data published yet").exists()).isTrue();
    }
}
