package io.crowdlens.commuting;

import static io.crowdlens.commuting.CommutingFixtures.MON;
import static io.crowdlens.commuting.CommutingFixtures.TUE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.crowdlens.common.ui.chart.Chart;
import io.crowdlens.common.ui.chart.ChartData;
import io.crowdlens.common.ui.chart.ChartSeries;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.OnH2;
import io.crowdlens.testing.SignedIn;
import java.util.ArrayList;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;

/** The Commuters and Corridors views as planners use them, browserless, on the hand-counted fixture release. */
@OnH2
@TestPropertySource(properties = "crowdlens.test.isolated-context=commuting-views")
class CommutingViewsTest extends SpringBrowserlessTest {

    private static CommutingFixtures.Ids ids;

    @Autowired DSLContext db;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    @BeforeEach
    void release() {
        if (ids == null) {
            ids = CommutingFixtures.release(db);
        }
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    @SuppressWarnings("unchecked")
    void plannerPicksADistrictAndSeesRankedFlowsTotalsAndDepartureHours() {
        signIn("tom@transit.test");
        navigate("commuters", Component.class);

        ComboBox<District> district = find(ComboBox.class).id("district");
        district.setValue(district.getListDataView().getItems().filter(d -> d.code().equals("centre")).findFirst().orElseThrow());

        Grid<Flow> table = find(Grid.class).id("flows-table");
        assertThat(table.getListDataView().getItems().map(f -> f.home().code() + ">" + f.work().code() + " " + f.rounded()))
                .containsExactly("north>centre 40", "south>centre 25", "east>centre 18", "centre>north 15");
        assertThat(find(Span.class).id("flows-totals").getText())
                .isEqualTo("Commuting out: 15 · commuting in: 83 (sums of the pairs shown)");
        ChartData departures = find(Chart.class).id("departures-chart").data().orElseThrow();
        assertThat(departures.series()).extracting(ChartSeries::name)
                .containsExactly("Residents of centre leaving for work", "Workers coming to centre");
        // usual departure hours of the pairs shown: 7 (north 22 + south 17), 8 (north 18 + east 18)
        assertThat(departures.series().get(1).values().subList(6, 10)).containsExactly(null, 39L, 36L, null);
        assertThat(departures.series().get(0).values()).allMatch(v -> v == null);
        assertThat(find(Paragraph.class).id("flows-description").getText())
                .contains("Pairs below the minimum crowd of 15 are not shown");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDistrictWithoutFlowsAtThePartnersKExplainsHowToWiden() {
        signIn("sam@strict.test");
        navigate("commuters", Component.class);

        ComboBox<District> district = find(ComboBox.class).id("district");
        district.setValue(district.getListDataView().getItems().filter(d -> d.code().equals("east")).findFirst().orElseThrow());

        assertThat(find(Div.class).id("flows-message").getText()).contains("Too few people", "busier district",
                "at least 20 devices");
        assertThat(((Grid<Flow>) find(Grid.class).id("flows-table")).getListDataView().getItemCount()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void plannerComparesChosenDistrictsInAnOdMatrix() {
        signIn("tom@transit.test");
        navigate("commuters", Component.class);

        MultiSelectComboBox<District> chosen = find(MultiSelectComboBox.class).id("matrix-districts");
        assertThat(find(Anchor.class).id("export-matrix").isEnabled()).as("nothing to export yet").isFalse();
        chosen.setValue(Set.copyOf(chosen.getListDataView().getItems()
                .filter(d -> Set.of("north", "centre", "south").contains(d.code())).toList()));

        String table = find(Div.class).id("od-matrix").getElement().getTextRecursively();
        // rows and columns: centre, north, south (by name)
        assertThat(table).contains("Total (shown)", "not shown", "40", "25", "16", "15")
                .contains("Cells below the minimum crowd of 15 commuters are not shown (–); totals are sums of the cells shown.");
        assertThat(find(Anchor.class).id("export-matrix").isEnabled()).as("the matrix shown can be exported").isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void plannerSeesCorridorPassesByHourAndDirectionWithPeaksAndComparesTwoPeriods() {
        signIn("tom@transit.test");
        navigate("corridors", Component.class);

        find(DatePicker.class).id("from").setValue(MON);
        find(DatePicker.class).id("to").setValue(TUE);

        ChartData hourly = find(Chart.class).id("corridor-chart").data().orElseThrow();
        assertThat(hourly.title()).startsWith("Average devices passing per day along A11 by hour of entry, weekdays");
        ChartSeries inbound = hourly.series().get(0);
        ChartSeries outbound = hourly.series().get(1);
        // (55 + 38) / 2 = 46.5 shown as 47; (50 + 16) / 2 = 33
        assertThat(inbound.values().get(7)).isEqualTo(47L);
        assertThat(outbound.values().get(17)).isEqualTo(33L);
        assertThat(inbound.highlighted()).containsExactly(7);
        assertThat(outbound.highlighted()).containsExactly(17);
        assertThat(new ArrayList<>(inbound.values()).stream().filter(v -> v != null).count()).isEqualTo(1);
        assertThat(find(Paragraph.class).id("corridor-peaks").getText())
                .isEqualTo("Inbound peak: 07:00-07:59 (47 devices per day) · Outbound peak: 17:00-17:59 (33 devices per day).");

        find(Checkbox.class).id("compare").setValue(true);
        find(DatePicker.class).id("compare-from").setValue(MON);
        find(DatePicker.class).id("compare-to").setValue(MON.plusDays(6));
        ChartData compared = find(Chart.class).id("corridor-comparison").data().orElseThrow();
        assertThat(compared.series()).extracting(ChartSeries::name).containsExactly(
                "Inbound 19 Oct–20 Oct", "Inbound 19 Oct–25 Oct", "Outbound 19 Oct–20 Oct", "Outbound 19 Oct–25 Oct");
        // over the whole week: inbound (55 + 38) / 5 = 18.6 a day; outbound (50 + 16) / 5 = 13.2, below k
        assertThat(compared.series().get(1).values().get(7)).isEqualTo(19L);
        assertThat(compared.series().get(3).values().get(17)).isNull();
    }

    @Test
    void aPartnerWithoutAWholeLayerLicenceIsToldCorridorsAreNotCovered() {
        signIn("lea@local.test");
        navigate("corridors", Component.class);

        assertThat(find(H3.class).withText("No corridor data").exists()).isTrue();
    }

    private void signIn(String username) {
        SignedIn.as(accounts.loadUserByUsername(username), securityContext);
    }
}
