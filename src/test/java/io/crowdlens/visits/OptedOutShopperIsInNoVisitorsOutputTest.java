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
 * pipeline with k = 10 (the deployment's k here too); the view and the CSV show eleven, and with k = 12 they
 * show "fewer than k" and refuse.
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
                RunOptions.defaults().withMinimumCrowd(10).withOutputDirectory(temp.resolve("run")));
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

        assertThat(visits.dailyVisitors(VisitsSelection.of(crowd, SAT, MON)).site(crowd).rows().getFirst().visitors())
                .isEqualTo(11L);
        assertThat(csv(target -> visits.exportDailyVisitors(List.of(VisitsSelection.of(crowd, SAT, MON)), target)))
                .contains(crowd + ",Site CROWD,2026-10-24,2026-10-26,2026-10-24,11,false");
        assertThat(csv(target -> visits.exportCatchment(List.of(crowd), target))).anyMatch(l -> l.endsWith(",East,11,false"));

        navigate("visitors", Component.class);
        chooseCrowdOverThePeriod(crowd);
        assertThat(test(table("daily-table")).getCellText(0, 1)).isEqualTo("11");
        assertThat(test(table("catchment-table")).getCellText(0, 1)).isEqualTo("11");
    }

    @Test
    void withKOfTwelveTheElevenShoppersLeftReadFewerThanKAndTheExportIsRefused() {
        pipeline.run(temp.resolve("drop"), RunOptions.defaults().withMinimumCrowd(12)
                .withOutputDirectory(temp.resolve("run-k12")));
        long crowd = crowdSite();

        navigate("visitors", Component.class);
        chooseCrowdOverThePeriod(crowd);

        assertThat(find(Div.class).id("daily-message").getText()).startsWith("Too few visitors in this selection");
        assertThat(find(Div.class).id("catchment-message").getText()).startsWith("Too few visitors in this selection");
        assertThatThrownBy(() -> visits.exportDailyVisitors(List.of(VisitsSelection.of(crowd, SAT, MON)),
                ExportTarget.into(new ByteArrayOutputStream()))).isInstanceOf(VisitsBlockedException.class);
    }

    @SuppressWarnings("unchecked")
    private void chooseCrowdOverThePeriod(long crowd) {
        MultiSelectComboBox<VisitSite> sites = find(MultiSelectComboBox.class).id("sites");
        sites.setValue(Set.of(sites.getListDataView().getItems().filter(s -> s.id() == crowd).findFirst().orElseThrow()));
        find(DatePicker.class).id("from").setValue(SAT);
        find(DatePicker.class).id("to").setValue(MON);
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
