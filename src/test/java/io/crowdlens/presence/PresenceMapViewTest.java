package io.crowdlens.presence;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import io.crowdlens.common.ui.chart.Chart;
import io.crowdlens.common.ui.chart.ChartData;
import io.crowdlens.common.ui.map.AreaMap;
import io.crowdlens.common.ui.map.MapLegend;
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

    /** This class's tests share one database (not rolled back): the hand-counted release is made once. */
    private static PresenceFixtures.Ids ids;

    private PresenceFixtures.Ids release() {
        if (ids == null) {
            ids = PresenceFixtures.releaseWithHandCountedFigures(db);
        }
        return ids;
    }

    /** Opens the map as a link with this query string would. */
    private static void open(String query) {
        UI.getCurrent().navigate("presence", QueryParameters.fromString(query));
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void analystSeesWhatTheNumbersAreAndABlockedSelectionExplainsHowToWiden() {
        release();
        SignedIn.as(accounts.loadUserByUsername("ana@retail.test"), securityContext);

        navigate("presence", Component.class);

        // the default (weekdays 19-25 Oct, 08:00, average): old town (40 + 30) / 5 hours = 14 < k = 15
        assertThat(find(Div.class).id("map-message").getText()).startsWith("Too few people in this selection")
                .contains("widen the area or the time window");
        assertThat(find(Paragraph.class).id("map-description").getText()).isEmpty();

        @SuppressWarnings("unchecked")
        Select<PresenceMetric> metric = find(Select.class).id("metric");
        metric.setValue(PresenceMetric.PEAK_HOUR);

        assertThat(find(Div.class).id("map-message").getText()).isEmpty();
        assertThat(find(Paragraph.class).id("map-description").getText())
                .startsWith("Distinct devices in each area's busiest hour (approximate: the highest of noisy figures),"
                        + " weekdays (mon-fri) 2026-10-19 to 2026-10-25, 08:00-08:59 Europe/Berlin (5 hours). Release ")
                .endsWith("minimum crowd k = 15. Published without noise: the figures are exact.");
    }

    @Test
    void theLegendSaysWhatTheColoursMeanAndNamesTheReleaseAndK() {
        PresenceFixtures.Ids ids = release();
        SignedIn.as(accounts.loadUserByUsername("ana@retail.test"), securityContext);

        open("from=2026-10-19&to=2026-10-20&days=weekdays&hours=8-9&metric=peak");

        MapLegend legend = find(AreaMap.class).id("presence-map").legend();
        assertThat(legend.title()).isEqualTo("Devices in the peak hour");
        assertThat(legend.note()).isEqualTo("Release " + ids.release() + " · k = 15 · exact (no noise)");
        assertThat(legend.entries()).extracting(MapLegend.Entry::label).last()
                .isEqualTo("not shown (below the minimum crowd of 15)");
        assertThat(legend.entries().getLast().suppressed()).isTrue();
        // two shown figures (old town 40, harbour 16): two classes from 15 upwards
        assertThat(legend.entries()).extracting(MapLegend.Entry::label).startsWith("15 – 16", "17 – 40");
        assertThat(find(AreaMap.class).id("presence-map").shades().get(String.valueOf(ids.quiet())).label())
                .isEqualTo("not shown (below the minimum crowd of 15)");
    }

    @Test
    void clickingAnAreaOpensItsHourlyProfileAndDailySeries() {
        PresenceFixtures.Ids ids = release();
        SignedIn.as(accounts.loadUserByUsername("ana@retail.test"), securityContext);
        open("from=2026-10-19&to=2026-10-20&days=weekdays&hours=8-9&metric=average");
        AreaMap map = find(AreaMap.class).id("presence-map");

        ComponentUtil.fireEvent(map, new AreaMap.AreaClickEvent(map, true, String.valueOf(ids.oldTown()), false));

        assertThat(find(H3.class).id("area-title").getText()).isEqualTo("old-town");
        ChartData hourly = find(Chart.class).id("area-hourly").data().orElseThrow();
        assertThat(hourly.title()).isEqualTo("Average devices per hour, by hour of day");
        assertThat(hourly.series().getFirst().values().get(8)).isEqualTo(35L);
        assertThat(hourly.series().getFirst().values().get(9)).isNull();
        assertThat(hourly.series().getFirst().highlighted()).containsExactly(8);
        ChartData daily = find(Chart.class).id("area-daily").data().orElseThrow();
        assertThat(daily.categories()).containsExactly("Mon 19 Oct", "Tue 20 Oct");
        assertThat(daily.series().getFirst().values()).containsExactly(50L, 35L);
        assertThat(map.selection()).containsExactly(String.valueOf(ids.oldTown()));
    }

    @Test
    void aPartnerSeesOnlyItsLicensedAreasAndCraftedLinksOutsideTheLicenceAreRefusedAndAudited() {
        PresenceFixtures.Ids ids = release();
        SignedIn.as(accounts.loadUserByUsername("pia@planner.test"), securityContext);

        open("from=2026-10-19&to=2026-10-19&days=every-day&hours=8-8&metric=peak&area=" + ids.oldTown());

        // only harbour can be drawn, shaded or clicked
        assertThat(find(AreaMap.class).id("presence-map").shades()).containsOnlyKeys(String.valueOf(ids.harbour()));
        assertThat(find(Div.class).id("area-message").getText()).contains("does not include this area");
        assertThat(find(H3.class).id("area-title").getText()).isEqualTo("Not in your licence");

        open("layer=h3r8");
        assertThat(find(Div.class).id("map-message").getText()).contains("does not include the layer h3r8");

        open("from=2026-09-01&to=2026-10-19&days=every-day&hours=8-8&metric=peak");
        assertThat(find(Div.class).id("map-message").getText()).contains("does not cover 2026-09-01");

        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("pia@planner.test")
                .and(AUDIT_EVENT.OUTCOME.eq("DENIED")))).isEqualTo(3);
    }

    @Test
    void aMangledLinkOpensTheMapWithDefaultsAndSaysWhatItIgnored() {
        release();
        SignedIn.as(accounts.loadUserByUsername("ana@retail.test"), securityContext);

        open("from=yesterday&to=2026-10-25&days=every-day&hours=9-99&metric=%3Cscript%3E&area=1%20or%201=1");

        // unreadable values fall back to the defaults (from 19 Oct, 08:00, average) and are named;
        // every day at 08:00: old town (40 + 30 + 100) / 7 = 24
        assertThat(find(Div.class).id("map-message").getText())
                .isEqualTo("Ignored in the link: from, hours, metric, area");
        assertThat(find(Paragraph.class).id("map-description").getText())
                .startsWith("Average number of distinct devices per hour in each area, every day 2026-10-19 to 2026-10-25");
        assertThat(find(AreaMap.class).id("presence-map").shades()).containsKey(String.valueOf(release().oldTown()));

        // weekdays at 08:00 on average is below k (14): the refusal comes first, the ignored values after it
        open("days=weekdays&metric=mean");
        assertThat(find(Div.class).id("map-message").getText()).startsWith("Too few people in this selection")
                .endsWith(" Ignored in the link: metric.");

        open("from=2026-10-25&to=2026-10-19&days=every-day&hours=8-8&metric=peak");
        assertThat(find(Div.class).id("map-message").getText())
                .isEqualTo("Choose a first day before the last day and a first hour before the last hour.");
    }

    @Test
    void withoutAPublishedReleaseTheMapSaysSo() {
        PresenceFixtures.partnerWithoutData(db);
        SignedIn.as(accounts.loadUserByUsername("nia@nodata.test"), securityContext);

        navigate("presence", Component.class);

        assertThat(find(H3.class).withText("No data published yet").exists()).isTrue();
    }
}
