package io.crowdlens.visits;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.SITE;
import static io.crowdlens.pipeline.visits.HandBuiltVisitsDrop.MON;
import static io.crowdlens.pipeline.visits.HandBuiltVisitsDrop.SAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import io.crowdlens.figures.SelectionBlockedException;
import io.crowdlens.common.Dataset;
import io.crowdlens.export.ExportTarget;
import io.crowdlens.pipeline.PipelineRunner;
import io.crowdlens.pipeline.RunOptions;
import io.crowdlens.pipeline.visits.HandBuiltVisitsDrop;
import io.crowdlens.security.Role;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.OnH2;
import io.crowdlens.testing.SignedIn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;

/**
 * From drop to screen and file: twelve shoppers at a site, one of whom opted out, run through the real
 * pipeline with k = 10 (the deployment's k here too); every table of the view and every CSV shows eleven,
 * and a run with k = 12 publishes no visitors release, so the served one stays (issue 16).
 */
@OnH2
@TestPropertySource(properties = {"crowdlens.test.isolated-context=visitors-opt-out", "crowdlens.privacy.minimum-crowd=10"})
class OptedOutShopperIsInNoVisitorsOutputTest extends SpringBrowserlessTest {

    @Autowired PipelineRunner pipeline;
    @Autowired VisitsQueryService visits;
    @Autowired DSLContext db;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    @TempDir
    Path temp;

    @BeforeEach
    void shopperS05OptedOut() {
        pipeline.run(HandBuiltVisitsDrop.crowdOfTwelve().optOut("s05").writeTo(temp.resolve("drop")),
                RunOptions.defaults().withoutNoise("exact figures to compare with hand counts").withMinimumCrowd(10).withOutputDirectory(temp.resolve("run")));
        if (db.fetchCount(APP_USER, APP_USER.USERNAME.eq("sue@shop.test")) == 0) {
            Fixtures fixtures = new Fixtures(db);
            long shop = fixtures.organisation("Shop Co");
            fixtures.user(shop, "sue@shop.test", "{noop}x", Role.PARTNER_ANALYST);
            fixtures.licence(shop, Dataset.VISITS, Fixtures.DISTRICTS, SAT, MON, OffsetDateTime.now().plusYears(1), null);
        }
        SignedIn.as(accounts.loadUserByUsername("sue@shop.test"), securityContext);
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void theOptedOutShopperIsInNoFigureOnScreenOrInTheCsv() throws IOException {
        long crowd = crowdSite();
        List<VisitsSelection> saturday = List.of(VisitsSelection.of(crowd, SAT, SAT));
        String row = crowd + ",Site CROWD,2026-10-24,2026-10-24,";

        // CSV: every export of Saturday counts eleven shoppers; the first-time/returning split is withheld
        // (returning is 0, below k, so first-time would give it away) and with nothing to show it is refused
        assertThat(csv(target -> visits.exportHourlyProfile(saturday, target))).contains(row + "10,,,true,11.0,0.0,false");
        assertThat(csv(target -> visits.exportDailyVisitors(saturday, target))).contains(row + "2026-10-24,11,0,false");
        assertThat(csv(target -> visits.exportDwellDistribution(saturday, target))).contains(row + "30,60,11,0,false");
        assertThatThrownBy(() -> csv(target -> visits.exportFirstTimeAndReturning(saturday, target)))
                .isInstanceOf(SelectionBlockedException.class);
        assertThat(csv(target -> visits.exportCatchment(List.of(crowd), target))).anyMatch(l -> l.endsWith(",East,11,0,false"));

        // screen: the same figures in every table
        navigate("visitors", Component.class);
        chooseCrowdOver(crowd, SAT, SAT);
        assertThat(test(table("hourly-table")).getCellText(10, 2)).isEqualTo("11");
        assertThat(test(table("daily-table")).getCellText(0, 1)).isEqualTo("11");
        // buckets 10-20, 20-30, then 30-60 min: the shoppers' stays
        assertThat(test(table("dwell-table")).getCellText(2, 1)).isEqualTo("11");
        assertThat(find(Div.class).id("loyalty-message").getText()).startsWith("Too few people in this selection");
        assertThat(test(table("catchment-table")).getCellText(0, 1)).isEqualTo("11");
    }

    @Test
    void withKOfTwelveNothingIsPublishedAndTheServedReleaseOfElevenStays() {
        // issue 16: no figure of eleven shoppers reaches k = 12, so the run publishes no visitors release
        // and does not replace the served one (k = 10, eleven shoppers) with an empty one
        var report = pipeline.run(temp.resolve("drop"), RunOptions.defaults().withoutNoise("exact figures to compare with hand counts").withMinimumCrowd(12)
                .withOutputDirectory(temp.resolve("run-k12")));
        assertThat(report.releases()).extracting(r -> r.dataset()).doesNotContain(Dataset.VISITS);
        long crowd = crowdSite();

        navigate("visitors", Component.class);
        chooseCrowdOver(crowd, SAT, SAT);

        assertThat(test(table("daily-table")).getCellText(0, 1)).isEqualTo("11");
    }

    @SuppressWarnings("unchecked")
    private void chooseCrowdOver(long crowd, LocalDate from, LocalDate to) {
        MultiSelectComboBox<VisitSite> sites = find(MultiSelectComboBox.class).id("sites");
        sites.setValue(Set.of(sites.getListDataView().getItems().filter(s -> s.id() == crowd).findFirst().orElseThrow()));
        find(DatePicker.class).id("from").setValue(from);
        find(DatePicker.class).id("to").setValue(to);
    }

    @SuppressWarnings("unchecked")
    private Grid<Object> table(String id) {
        return find(Grid.class).id(id);
    }

    private long crowdSite() {
        return db.select(SITE.ID).from(SITE).where(SITE.CODE.eq("CROWD")).fetchSingle(SITE.ID);
    }

    private static List<String> csv(io.crowdlens.export.Export export) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        export.writeTo(ExportTarget.into(file));
        return file.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
