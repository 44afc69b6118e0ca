package io.crowdlens.visits;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.SITE;
import static io.crowdlens.visits.VisitsFixtures.SUN;
import static io.crowdlens.visits.VisitsFixtures.TUE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.crowdlens.figures.SelectionBlockedException;
import io.crowdlens.common.ui.chart.Chart;
import io.crowdlens.common.ui.chart.ChartData;
import io.crowdlens.common.ui.chart.ChartSeries;
import io.crowdlens.security.Role;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.OnH2;
import io.crowdlens.testing.SignedIn;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;

/**
 * The Visitors view as an analyst uses it, browserless, on the hand-counted release of the service
 * contract (committed once: the view reads in its own transactions, so this class has its own context).
 */
@OnH2
@TestPropertySource(properties = "crowdlens.test.isolated-context=visitors-view")
class VisitorsViewTest extends SpringBrowserlessTest {

    private static VisitsFixtures.Ids ids;

    @Autowired DSLContext db;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    @BeforeEach
    void releaseOnce() {
        if (ids == null || db.fetchCount(SITE) == 0) {
            ids = VisitsFixtures.releaseWithHandCountedFigures(db);
        }
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void retailAnalystComparesTwoSitesSideBySideWithPercentageChange() {
        signIn("ana@retail.test");
        navigate("visitors", Component.class);

        choose(ids.mall(), ids.pier());
        find(DatePicker.class).id("to").setValue(SUN);

        ChartData weekdays = chart("hourly-weekdays-chart");
        assertThat(weekdays.title()).isEqualTo("Average unique visitors per hour, weekdays");
        assertThat(weekdays.series()).extracting(ChartSeries::name).containsExactly(siteName(ids.mall()),
                siteName(ids.pier()));
        assertThat(weekdays.series().getFirst().values().get(12)).isEqualTo(18L);
        assertThat(chart("hourly-weekends-chart").series().getFirst().values().get(14)).isEqualTo(65L);
        var hourly = test(table("hourly-table"));
        assertThat(hourly.getHeaderCell(3)).isEqualTo("Change");
        // hour 12: Mall 18 on weekdays, Pier 16 / 5 = 3 on average: fewer than k, so no change to show
        assertThat(cells(hourly, 12)).containsExactly("12:00", "18", "not shown (below 15)", "n/a", "not shown (below 15)",
                "not shown (below 15)", "n/a");
        var daily = test(table("daily-table"));
        assertThat(cells(daily, 0)).containsExactly("Mon 19 Oct", "120", "16", "-87 %");
        assertThat(cells(daily, 2)).containsExactly("Wed 21 Oct", "not shown (below 15)", "not shown (below 15)", "n/a");
        assertThat(find(Paragraph.class).id("daily-description").getText()).startsWith("Unique visitors per day");
        assertThat(find(Paragraph.class).id("dwell-description").getText())
                .startsWith("Visits by length of stay (one per visitor and day");
        assertThat(cells(test(table("dwell-table")), 0)).containsExactly("10–20 min", "48", "not shown (below 15)", "n/a");
    }

    @Test
    void analystComparesOneSiteOverTwoPeriods() {
        signIn("ana@retail.test");
        navigate("visitors", Component.class);
        choose(ids.mall());
        find(DatePicker.class).id("to").setValue(TUE);

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> comparison = find(RadioButtonGroup.class).id("comparison");
        comparison.setValue(comparison.getListDataView().getItems().toList().getLast());
        find(DatePicker.class).id("second-from").setValue(TUE);

        var daily = test(table("daily-table"));
        assertThat(daily.getHeaderCell(1)).isEqualTo("19 Oct – 20 Oct");
        assertThat(daily.getHeaderCell(2)).isEqualTo("20 Oct – 21 Oct");
        assertThat(cells(daily, 0)).containsExactly("Mon 19 Oct / Tue 20 Oct", "120", "90", "-25 %");
        assertThat(cells(daily, 1)).containsExactly("Tue 20 Oct / Wed 21 Oct", "90", "not shown (below 15)", "n/a");
    }

    @Test
    void aSelectionTooSmallForThisPartnersKExplainsHowToWiden() {
        signIn("sam@strict.test");
        navigate("visitors", Component.class);

        choose(ids.pier());

        assertThat(find(Div.class).id("daily-message").getText())
                .isEqualTo("Too few people in this selection: widen the period, or choose a busier site (every figure"
                        + " shown counts at least 20 devices).");
        assertThat(find(Chart.class).id("daily-chart").data()).isEmpty();
    }

    @Test
    void catchmentListsTheTopHomeAreasOfEachSite() {
        signIn("ana@retail.test");
        navigate("visitors", Component.class);

        choose(ids.mall());

        var catchment = test(table("catchment-table"));
        assertThat(cells(catchment, 0)).containsExactly(areaName(ids.oldTown()), "40");
        assertThat(cells(catchment, 1)).containsExactly(areaName(ids.harbour()), "16");
        assertThat(find(Paragraph.class).id("catchment-description").getText())
                .startsWith("Catchment: unique visitors over the whole release period");
    }

    @Test
    void withoutAVisitorsLicenceTheViewSaysThereIsNothingToShow() {
        Fixtures fixtures = new Fixtures(db);
        if (db.fetchCount(APP_USER, APP_USER.USERNAME.eq("nia@nodata.test")) == 0) {
            fixtures.user(fixtures.organisation("No Data Co"), "nia@nodata.test", "{noop}x",
                    Role.PARTNER_ANALYST);
        }
        signIn("nia@nodata.test");

        navigate("visitors", Component.class);

        assertThat(find(H3.class).withText("No data published yet").exists()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private void choose(long... siteIds) {
        MultiSelectComboBox<VisitSite> sites = find(MultiSelectComboBox.class).id("sites");
        LinkedHashSet<VisitSite> chosen = new LinkedHashSet<>();
        for (long id : siteIds) {
            chosen.add(sites.getListDataView().getItems().filter(s -> s.id() == id).findFirst().orElseThrow());
        }
        sites.setValue(chosen);
    }

    private ChartData chart(String id) {
        return find(Chart.class).id(id).data().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Grid<Object> table(String id) {
        return find(Grid.class).id(id);
    }

    private static List<String> cells(GridTester<?, ?> grid, int row) {
        int columns = ((Grid<?>) grid.getComponent()).getColumns().size();
        return IntStream.range(0, columns).mapToObj(c -> grid.getCellText(row, c)).toList();
    }

    private String siteName(long id) {
        return db.select(SITE.NAME).from(SITE)
                .where(SITE.ID.eq(id)).fetchSingle().value1();
    }

    private String areaName(long id) {
        return db.select(AREA.NAME).from(AREA)
                .where(AREA.ID.eq(id)).fetchSingle().value1();
    }

    private void signIn(String username) {
        SignedIn.as(accounts.loadUserByUsername(username), securityContext);
    }
}
