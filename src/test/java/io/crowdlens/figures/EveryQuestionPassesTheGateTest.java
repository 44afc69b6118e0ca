package io.crowdlens.figures;

import static io.crowdlens.db.Tables.AUDIT_EVENT;
import static io.crowdlens.db.Tables.COMMUTING_DEPARTURE;
import static io.crowdlens.db.Tables.COMMUTING_OD;
import static io.crowdlens.db.Tables.CORRIDOR;
import static io.crowdlens.db.Tables.CORRIDOR_PASS;
import static io.crowdlens.db.Tables.PRESENCE_DAILY;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;
import static io.crowdlens.db.Tables.SITE;
import static io.crowdlens.db.Tables.SITE_AREA;
import static io.crowdlens.db.Tables.VISITS_CATCHMENT;
import static io.crowdlens.db.Tables.VISITS_DAILY;
import static io.crowdlens.db.Tables.VISITS_DWELL;
import static io.crowdlens.db.Tables.VISITS_HOURLY;
import static io.crowdlens.db.Tables.VISITS_LOYALTY;
import static io.crowdlens.db.Tables.VISITS_RELEASE_BUCKET;
import static io.crowdlens.db.Tables.VISITS_RELEASE_SITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.commuting.CommutingQueryService;
import io.crowdlens.commuting.CorridorQueryService;
import io.crowdlens.common.Dataset;
import io.crowdlens.export.ExportTarget;
import io.crowdlens.presence.DayFilter;
import io.crowdlens.presence.PresenceDayHours;
import io.crowdlens.presence.PresenceMetric;
import io.crowdlens.presence.PresenceQueryService;
import io.crowdlens.presence.PresenceSelection;
import io.crowdlens.security.Role;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.OnH2;
import io.crowdlens.testing.SignedIn;
import io.crowdlens.visits.VisitsQueryService;
import io.crowdlens.visits.VisitsSelection;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mockito.Mockito;
import org.mockito.invocation.Invocation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 13's gate contract: every public method of every partner query service is listed here with a
 * call and what kind of question it is, and the list is checked against the services' methods by
 * reflection, so a new method (or a new query service) fails this test until it is listed. Each call
 * must pass the one {@link FigureGate} and leave the audit trail the gate's rules prescribe: a question
 * one QUERY record (SUCCESS or BLOCKED), an export one EXPORT record written once its file is complete,
 * a list of choices no figure and no record.
 */
@OnH2
@Transactional
class EveryQuestionPassesTheGateTest {

    static final LocalDate MON = LocalDate.of(2026, 10, 19);
    static final LocalDate LAST = MON.plusDays(13);
    static final List<Class<?>> QUERY_SERVICES = List.of(PresenceQueryService.class, VisitsQueryService.class,
            CommutingQueryService.class, CorridorQueryService.class);

    enum Kind { QUESTION, EXPORT, CHOICES }

    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    record Listed(Kind kind, Call call) {
    }

    @MockitoSpyBean FigureGate gate;
    @Autowired DSLContext db;
    @Autowired PresenceQueryService presence;
    @Autowired VisitsQueryService visits;
    @Autowired CommutingQueryService commuting;
    @Autowired CorridorQueryService corridors;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    long north;
    long south;
    long site;
    long corridor;

    @BeforeEach
    void aPartnerLicensedForEveryDatasetWithAFewPublishedFigures() {
        Fixtures fixtures = new Fixtures(db);
        fixtures.layers();
        String run = Long.toString(System.nanoTime(), 36);
        north = fixtures.area(Fixtures.DISTRICTS, "n-" + run);
        south = fixtures.area(Fixtures.DISTRICTS, "s-" + run);
        long org = fixtures.organisation("Gate " + run);
        String user = "gate-" + run + "@gate.test";
        fixtures.user(org, user, "{noop}x", Role.PARTNER_ANALYST);
        for (Dataset dataset : Dataset.values()) {
            fixtures.licence(org, dataset, Fixtures.DISTRICTS, MON, LAST, OffsetDateTime.now().plusYears(1), null);
        }

        long presenceRelease = fixtures.publishedRelease(Dataset.PRESENCE, MON, LAST, 15);
        db.insertInto(PRESENCE_HOURLY).set(PRESENCE_HOURLY.RELEASE_ID, presenceRelease)
                .set(PRESENCE_HOURLY.LAYER_CODE, Fixtures.DISTRICTS).set(PRESENCE_HOURLY.LOCAL_DAY, MON)
                .set(PRESENCE_HOURLY.HOUR_OF_DAY, (short) 8).set(PRESENCE_HOURLY.AREA_ID, north)
                .set(PRESENCE_HOURLY.DEVICES, 40).execute();
        db.insertInto(PRESENCE_DAILY).set(PRESENCE_DAILY.RELEASE_ID, presenceRelease)
                .set(PRESENCE_DAILY.LAYER_CODE, Fixtures.DISTRICTS).set(PRESENCE_DAILY.LOCAL_DAY, MON)
                .set(PRESENCE_DAILY.AREA_ID, north).set(PRESENCE_DAILY.DEVICES, 50).execute();
        PresenceDayHours.project(db, presenceRelease);

        long visitsRelease = fixtures.publishedRelease(Dataset.VISITS, MON, LAST, 15);
        site = db.insertInto(SITE).set(SITE.CODE, "G-" + run).set(SITE.NAME, "Mall " + run)
                .set(SITE.CATEGORY, "shopping_centre").set(SITE.GEOMETRY, "{\"type\":\"Point\",\"coordinates\":[0.5,0.5]}")
                .set(SITE.RADIUS_METRES, 200).set(SITE.LAT, 0.5).set(SITE.LON, 0.5)
                .returningResult(SITE.ID).fetchSingle().value1();
        db.insertInto(SITE_AREA).set(SITE_AREA.SITE_ID, site).set(SITE_AREA.AREA_ID, north).execute();
        db.insertInto(VISITS_RELEASE_SITE).set(VISITS_RELEASE_SITE.RELEASE_ID, visitsRelease)
                .set(VISITS_RELEASE_SITE.SITE_ID, site).execute();
        db.insertInto(VISITS_RELEASE_BUCKET).set(VISITS_RELEASE_BUCKET.RELEASE_ID, visitsRelease)
                .set(VISITS_RELEASE_BUCKET.DWELL_FROM_MINUTES, (short) 10)
                .set(VISITS_RELEASE_BUCKET.DWELL_TO_MINUTES, (short) 30).execute();
        db.insertInto(VISITS_HOURLY).set(VISITS_HOURLY.RELEASE_ID, visitsRelease).set(VISITS_HOURLY.SITE_ID, site)
                .set(VISITS_HOURLY.LOCAL_DAY, MON).set(VISITS_HOURLY.HOUR_OF_DAY, (short) 11)
                .set(VISITS_HOURLY.VISITORS, 30).execute();
        db.insertInto(VISITS_DAILY).set(VISITS_DAILY.RELEASE_ID, visitsRelease).set(VISITS_DAILY.SITE_ID, site)
                .set(VISITS_DAILY.LOCAL_DAY, MON).set(VISITS_DAILY.VISITORS, 45).execute();
        db.insertInto(VISITS_DWELL).set(VISITS_DWELL.RELEASE_ID, visitsRelease).set(VISITS_DWELL.SITE_ID, site)
                .set(VISITS_DWELL.LOCAL_DAY, MON).set(VISITS_DWELL.DWELL_FROM_MINUTES, (short) 10)
                .set(VISITS_DWELL.DWELL_TO_MINUTES, (short) 30).set(VISITS_DWELL.VISITS, 40).execute();
        db.insertInto(VISITS_LOYALTY).set(VISITS_LOYALTY.RELEASE_ID, visitsRelease).set(VISITS_LOYALTY.SITE_ID, site)
                .set(VISITS_LOYALTY.LOCAL_DAY, MON).set(VISITS_LOYALTY.FIRST_TIME_VISITORS, 25)
                .set(VISITS_LOYALTY.RETURNING_VISITORS, 20).execute();
        db.insertInto(VISITS_CATCHMENT).set(VISITS_CATCHMENT.RELEASE_ID, visitsRelease)
                .set(VISITS_CATCHMENT.SITE_ID, site).set(VISITS_CATCHMENT.LAYER_CODE, Fixtures.DISTRICTS)
                .set(VISITS_CATCHMENT.AREA_ID, south).set(VISITS_CATCHMENT.VISITORS, 35).execute();

        long commutingRelease = fixtures.publishedRelease(Dataset.COMMUTING, MON, LAST, 15);
        db.insertInto(COMMUTING_OD).set(COMMUTING_OD.RELEASE_ID, commutingRelease)
                .set(COMMUTING_OD.LAYER_CODE, Fixtures.DISTRICTS).set(COMMUTING_OD.HOME_AREA_ID, north)
                .set(COMMUTING_OD.WORK_AREA_ID, south).set(COMMUTING_OD.COMMUTERS, 40).execute();
        db.insertInto(COMMUTING_DEPARTURE).set(COMMUTING_DEPARTURE.RELEASE_ID, commutingRelease)
                .set(COMMUTING_DEPARTURE.HOME_AREA_ID, north).set(COMMUTING_DEPARTURE.WORK_AREA_ID, south)
                .set(COMMUTING_DEPARTURE.HOUR_OF_DAY, (short) 7).set(COMMUTING_DEPARTURE.COMMUTERS, 22).execute();
        corridor = db.insertInto(CORRIDOR).set(CORRIDOR.RELEASE_ID, commutingRelease).set(CORRIDOR.CODE, "K-" + run)
                .set(CORRIDOR.NAME, "A1").set(CORRIDOR.GEOMETRY, "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}")
                .set(CORRIDOR.BUFFER_METRES, 500).set(CORRIDOR.CELL_COUNT, 9)
                .returningResult(CORRIDOR.ID).fetchSingle().value1();
        db.insertInto(CORRIDOR_PASS).set(CORRIDOR_PASS.RELEASE_ID, commutingRelease)
                .set(CORRIDOR_PASS.CORRIDOR_ID, corridor).set(CORRIDOR_PASS.LOCAL_DAY, MON)
                .set(CORRIDOR_PASS.HOUR_OF_DAY, (short) 7).set(CORRIDOR_PASS.DIRECTION, "INBOUND")
                .set(CORRIDOR_PASS.PASSES, 55).execute();
        SignedIn.as(accounts.loadUserByUsername(user), securityContext);
    }

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    /** Every public method of every query service, by "Service.method(ParameterTypes)". */
    Map<String, Listed> listed() {
        // one day, so that averages are the stored figures and most questions show something
        PresenceSelection map = new PresenceSelection(Fixtures.DISTRICTS, MON, MON, DayFilter.EVERY_DAY, 8, 8,
                PresenceMetric.AVERAGE_HOURLY);
        List<VisitsSelection> oneSite = List.of(VisitsSelection.of(site, MON, MON));
        Map<String, Listed> calls = new LinkedHashMap<>();
        calls.put("PresenceQueryService.choices()", new Listed(Kind.CHOICES, presence::choices));
        calls.put("PresenceQueryService.areas(String)", new Listed(Kind.CHOICES, () -> presence.areas(Fixtures.DISTRICTS)));
        calls.put("PresenceQueryService.heatmap(PresenceSelection)", new Listed(Kind.QUESTION, () -> presence.heatmap(map)));
        calls.put("PresenceQueryService.hourByHour(PresenceSelection)",
                new Listed(Kind.QUESTION, () -> presence.hourByHour(map)));
        calls.put("PresenceQueryService.areaDetail(PresenceSelection,long)",
                new Listed(Kind.QUESTION, () -> presence.areaDetail(map, north)));
        calls.put("PresenceQueryService.exportHeatmap(PresenceSelection,ExportTarget)",
                new Listed(Kind.EXPORT, () -> presence.exportHeatmap(map, file())));
        calls.put("VisitsQueryService.choices()", new Listed(Kind.CHOICES, visits::choices));
        calls.put("VisitsQueryService.catchmentAreas()", new Listed(Kind.CHOICES, visits::catchmentAreas));
        calls.put("VisitsQueryService.hourlyProfile(VisitsSelection)",
                new Listed(Kind.QUESTION, () -> visits.hourlyProfile(oneSite.getFirst())));
        calls.put("VisitsQueryService.dailyVisitors(VisitsSelection)",
                new Listed(Kind.QUESTION, () -> visits.dailyVisitors(oneSite.getFirst())));
        calls.put("VisitsQueryService.dwellDistribution(VisitsSelection)",
                new Listed(Kind.QUESTION, () -> visits.dwellDistribution(oneSite.getFirst())));
        calls.put("VisitsQueryService.firstTimeAndReturning(VisitsSelection)",
                new Listed(Kind.QUESTION, () -> visits.firstTimeAndReturning(oneSite.getFirst())));
        calls.put("VisitsQueryService.catchment(List)", new Listed(Kind.QUESTION, () -> visits.catchment(List.of(site))));
        calls.put("VisitsQueryService.exportHourlyProfile(List,ExportTarget)",
                new Listed(Kind.EXPORT, () -> visits.exportHourlyProfile(oneSite, file())));
        calls.put("VisitsQueryService.exportDailyVisitors(List,ExportTarget)",
                new Listed(Kind.EXPORT, () -> visits.exportDailyVisitors(oneSite, file())));
        calls.put("VisitsQueryService.exportDwellDistribution(List,ExportTarget)",
                new Listed(Kind.EXPORT, () -> visits.exportDwellDistribution(oneSite, file())));
        calls.put("VisitsQueryService.exportFirstTimeAndReturning(List,ExportTarget)",
                new Listed(Kind.EXPORT, () -> visits.exportFirstTimeAndReturning(oneSite, file())));
        calls.put("VisitsQueryService.exportCatchment(List,ExportTarget)",
                new Listed(Kind.EXPORT, () -> visits.exportCatchment(List.of(site), file())));
        calls.put("CommutingQueryService.choices()", new Listed(Kind.CHOICES, commuting::choices));
        calls.put("CommutingQueryService.flowsOf(long)", new Listed(Kind.QUESTION, () -> commuting.flowsOf(north)));
        calls.put("CommutingQueryService.exportFlows(long,ExportTarget)",
                new Listed(Kind.EXPORT, () -> commuting.exportFlows(north, file())));
        calls.put("CommutingQueryService.matrix(Collection)",
                new Listed(Kind.QUESTION, () -> commuting.matrix(List.of(north, south))));
        calls.put("CommutingQueryService.exportMatrix(Collection,ExportTarget)",
                new Listed(Kind.EXPORT, () -> commuting.exportMatrix(List.of(north, south), file())));
        calls.put("CorridorQueryService.corridorCounts(long,LocalDate,LocalDate)",
                new Listed(Kind.QUESTION, () -> corridors.corridorCounts(corridor, MON, MON)));
        calls.put("CorridorQueryService.exportCorridorCounts(long,LocalDate,LocalDate,ExportTarget)",
                new Listed(Kind.EXPORT, () -> corridors.exportCorridorCounts(corridor, MON, MON, file())));
        return calls;
    }

    @Test
    void everyPublicMethodOfEveryQueryServiceIsListed() {
        Set<String> declared = QUERY_SERVICES.stream()
                .flatMap(service -> Arrays.stream(service.getDeclaredMethods())
                        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                        .map(EveryQuestionPassesTheGateTest::signature))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(new TreeSet<>(listed().keySet())).as("a public query method not listed here (or listed but gone)")
                .isEqualTo(declared);
    }

    @TestFactory
    Stream<DynamicTest> everyListedCallPassesTheGateAndIsAuditedByItsRules() {
        return listed().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            Mockito.clearInvocations(gate);
            long mark = lastAuditId();
            Listed listed = entry.getValue();
            Throwable thrown = null;
            try {
                listed.call().run();
            } catch (SelectionBlockedException blocked) {
                thrown = blocked;
            }

            Set<String> gateCalls = Mockito.mockingDetails(gate).getInvocations().stream()
                    .map(Invocation::getMethod).map(Method::getName).collect(Collectors.toSet());
            var audited = db.select(AUDIT_EVENT.ACTION, AUDIT_EVENT.OUTCOME).from(AUDIT_EVENT)
                    .where(AUDIT_EVENT.ID.gt(mark)).fetch();
            switch (listed.kind()) {
                case QUESTION -> {
                    assertThat(gateCalls).contains("ask");
                    assertThat(audited).hasSize(1);
                    assertThat(audited.getFirst().value1()).isEqualTo(AuditAction.QUERY.name());
                    assertThat(audited.getFirst().value2()).isEqualTo(thrown == null ? "SUCCESS" : "BLOCKED");
                }
                case EXPORT -> {
                    assertThat(gateCalls).contains("export");
                    assertThat(audited).hasSize(1);
                    assertThat(audited.getFirst().value1()).isEqualTo(AuditAction.EXPORT.name());
                    assertThat(audited.getFirst().value2()).isEqualTo(thrown == null ? "SUCCESS" : "BLOCKED");
                }
                case CHOICES -> {
                    assertThat(thrown).isNull();
                    assertThat(gateCalls).containsExactly("choices");
                    assertThat(audited).as("choices show no figure and are not audited").isEmpty();
                }
            }
        }));
    }

    @Test
    void theFixtureLetsMostQuestionsShowFiguresSoTheRulesAboveAreCheckedOnRealAnswers() throws Exception {
        int answered = 0;
        List<Listed> blockedCalls = new java.util.ArrayList<>();
        for (Listed listed : listed().values()) {
            if (listed.kind() == Kind.CHOICES) {
                continue;
            }
            try {
                listed.call().run();
                answered++;
            } catch (SelectionBlockedException blocked) {
                blockedCalls.add(listed);
            }
        }
        assertThat(answered).as("blocked: %s", blockedCalls.size()).isGreaterThanOrEqualTo(17);
    }

    private long lastAuditId() {
        Long last = db.select(org.jooq.impl.DSL.max(AUDIT_EVENT.ID)).from(AUDIT_EVENT).fetchOne().value1();
        return last == null ? 0 : last;
    }

    private static ExportTarget file() {
        return ExportTarget.into(new ByteArrayOutputStream());
    }

    private static String signature(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(","))
                + ")";
    }
}
