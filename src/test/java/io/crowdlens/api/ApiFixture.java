package io.crowdlens.api;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.COMMUTING_OD;
import static io.crowdlens.db.Tables.CORRIDOR;
import static io.crowdlens.db.Tables.CORRIDOR_PASS;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.PRESENCE_DAILY;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;
import static io.crowdlens.db.Tables.VISITS_DAILY;
import static io.crowdlens.db.Tables.ORGANISATION;
import static io.crowdlens.db.Tables.SITE;
import static io.crowdlens.db.Tables.SITE_AREA;
import static io.crowdlens.db.Tables.VISITS_RELEASE_SITE;

import io.crowdlens.common.Dataset;
import io.crowdlens.presence.PresenceDayHours;
import io.crowdlens.security.ApiTokenScope;
import io.crowdlens.security.ApiTokens;
import io.crowdlens.security.IssuedApiToken;
import io.crowdlens.security.Role;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.SignedIn;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The API tests' world, made once per test database: a layer of three districts (North, Centre,
 * South) with two sites and a corridor, and a layer of cells licensed to Retail only; presence, visitors and commuting releases; Retail (analyst
 * ana, admin pat) licensed for everything on the whole layer; Rival (analyst rob) licensed for
 * presence and visitors in South only; the operator's data operator (ops) and account manager (amy).
 */
final class ApiFixture {

    static final String LAYER = "district";
    /** A second layer, licensed to Retail only. */
    static final String OTHER_LAYER = "apicells";
    static final String PASSWORD = "correct horse battery staple";
    static final String ANA = "ana@api-retail.test";
    static final String PAT = "pat@api-retail.test";
    static final String ROB = "rob@api-rival.test";
    static final String OPS = "ops@api-operator.test";
    static final String AMY = "amy@api-operator.test";
    static final LocalDate MON = LocalDate.of(2026, 10, 19);
    static final LocalDate LAST = MON.plusDays(13);
    static final String NORTH_OUTLINE = "{\"type\":\"Polygon\",\"coordinates\":[[[0,1],[1,1],[1,2],[0,2],[0,1]]]}";

    final long retail;
    final long rival;
    final long operator;
    final long north;
    final long centre;
    final long south;
    final long mall;
    final long pier;
    final long corridor;
    /** The releases made here (other tests in the same context may publish newer ones). */
    final long presenceRelease;
    final long visitsRelease;
    final long commutingRelease;
    /** A presence release superseded by {@link #presenceRelease}, with figures of its own, and a withdrawn one. */
    final long supersededPresence;
    final long withdrawnPresence;

    private final DSLContext db;
    private final ApiTokens tokens;
    private final UserAccounts accounts;
    private final SecurityContextHolderStrategy securityContext;
    private final PasswordEncoder encoder;

    private ApiFixture(DSLContext db, ApiTokens tokens, UserAccounts accounts,
            SecurityContextHolderStrategy securityContext, PasswordEncoder encoder) {
        this.db = db;
        this.tokens = tokens;
        this.accounts = accounts;
        this.securityContext = securityContext;
        this.encoder = encoder;
        if (organisationId("API Retail") == null) {
            create();
        }
        retail = organisationId("API Retail");
        rival = organisationId("API Rival");
        operator = organisationId("API Operator");
        north = areaId("api-north");
        centre = areaId("api-centre");
        south = areaId("api-south");
        mall = db.select(SITE.ID).from(SITE).where(SITE.CODE.eq("API-MALL")).fetchSingle().value1();
        pier = db.select(SITE.ID).from(SITE).where(SITE.CODE.eq("API-PIER")).fetchSingle().value1();
        corridor = db.select(CORRIDOR.ID).from(CORRIDOR).where(CORRIDOR.CODE.eq("K-API")).fetchSingle().value1();
        commutingRelease = db.select(CORRIDOR.RELEASE_ID).from(CORRIDOR).where(CORRIDOR.ID.eq(corridor)).fetchSingle()
                .value1();
        visitsRelease = db.select(VISITS_RELEASE_SITE.RELEASE_ID).from(VISITS_RELEASE_SITE)
                .where(VISITS_RELEASE_SITE.SITE_ID.eq(mall)).fetchSingle().value1();
        List<Long> presence = db.selectDistinct(PRESENCE_HOURLY.RELEASE_ID).from(PRESENCE_HOURLY)
                .where(PRESENCE_HOURLY.AREA_ID.eq(north)).orderBy(PRESENCE_HOURLY.RELEASE_ID).fetch(PRESENCE_HOURLY.RELEASE_ID);
        supersededPresence = presence.get(0);
        presenceRelease = presence.get(1);
        withdrawnPresence = db.select(DATA_RELEASE.ID).from(DATA_RELEASE).where(DATA_RELEASE.STATUS.eq("WITHDRAWN"))
                .and(DATA_RELEASE.OPTOUT_LIST_VERSION.eq("api-withdrawn")).fetchSingle().value1();
    }

    static synchronized ApiFixture in(DSLContext db, ApiTokens tokens, UserAccounts accounts,
            SecurityContextHolderStrategy securityContext, PasswordEncoder encoder) {
        return new ApiFixture(db, tokens, accounts, securityContext, encoder);
    }

    private void create() {
        Fixtures fixtures = new Fixtures(db);
        db.insertInto(AREA_LAYER, AREA_LAYER.CODE, AREA_LAYER.NAME, AREA_LAYER.KIND)
                .values(LAYER, "Districts", "POLYGON").execute();
        long n = area("api-north", "North", NORTH_OUTLINE);
        long c = area("api-centre", "Centre", Fixtures.SQUARE);
        long s = area("api-south", "South", Fixtures.SQUARE);
        OffsetDateTime nextYear = OffsetDateTime.now().plusYears(1);
        String hash = encoder.encode(PASSWORD);

        long retailOrg = fixtures.organisation("API Retail");
        fixtures.user(retailOrg, ANA, hash, Role.PARTNER_ANALYST);
        fixtures.user(retailOrg, PAT, hash, Role.PARTNER_ANALYST, Role.PARTNER_ADMIN);
        for (Dataset dataset : Dataset.values()) {
            fixtures.licence(retailOrg, dataset, LAYER, MON, LAST, nextYear, null);
        }
        db.insertInto(AREA_LAYER, AREA_LAYER.CODE, AREA_LAYER.NAME, AREA_LAYER.KIND)
                .values(OTHER_LAYER, "API cells", "POLYGON").execute();
        db.insertInto(AREA).set(AREA.LAYER_CODE, OTHER_LAYER).set(AREA.CODE, "cell-1").set(AREA.NAME, "Cell 1")
                .set(AREA.GEOMETRY, Fixtures.SQUARE).set(AREA.CENTROID_LAT, 0.5).set(AREA.CENTROID_LON, 0.5).execute();
        fixtures.licence(retailOrg, Dataset.PRESENCE, OTHER_LAYER, MON, LAST, nextYear, null);
        long rivalOrg = fixtures.organisation("API Rival");
        fixtures.user(rivalOrg, ROB, hash, Role.PARTNER_ANALYST);
        fixtures.licence(rivalOrg, Dataset.PRESENCE, LAYER, MON, LAST, nextYear, 20, s);
        fixtures.licence(rivalOrg, Dataset.VISITS, LAYER, MON, LAST, nextYear, null, s);
        long operatorOrg = fixtures.organisation("API Operator");
        db.update(ORGANISATION).set(ORGANISATION.KIND, "OPERATOR").where(ORGANISATION.ID.eq(operatorOrg)).execute();
        fixtures.user(operatorOrg, OPS, hash, Role.DATA_OPERATOR);
        fixtures.user(operatorOrg, AMY, hash, Role.ACCOUNT_MANAGER);

        long superseded = fixtures.publishedRelease(Dataset.PRESENCE, MON, LAST, 15);
        db.update(DATA_RELEASE).set(DATA_RELEASE.STATUS, "SUPERSEDED").where(DATA_RELEASE.ID.eq(superseded)).execute();
        long presence = fixtures.publishedRelease(Dataset.PRESENCE, MON, LAST, 15);
        long withdrawn = fixtures.publishedRelease(Dataset.PRESENCE, MON, LAST, 15);
        db.update(DATA_RELEASE).set(DATA_RELEASE.STATUS, "WITHDRAWN")
                .set(DATA_RELEASE.OPTOUT_LIST_VERSION, "api-withdrawn").where(DATA_RELEASE.ID.eq(withdrawn)).execute();
        // hourly figures as the pipeline stores them (each at least the release's k); Rival's k is 20
        hourly(presence, n, MON, 8, 40);
        hourly(presence, n, MON, 9, 16);
        hourly(presence, n, MON.plusDays(1), 8, 30);
        hourly(presence, n, MON.plusDays(1), 9, 18);
        hourly(presence, c, MON, 8, 18);
        hourly(presence, s, MON, 8, 25);
        hourly(presence, s, MON, 9, 22);
        hourly(presence, s, MON.plusDays(1), 8, 19);
        daily(presence, n, MON, 50);
        daily(presence, n, MON.plusDays(1), 35);
        daily(presence, c, MON, 18);
        daily(presence, s, MON, 30);
        daily(presence, s, MON.plusDays(1), 19);
        hourly(superseded, n, MON, 8, 44);
        hourly(superseded, s, MON, 8, 27);
        PresenceDayHours.project(db, superseded);
        PresenceDayHours.project(db, presence);

        long visits = fixtures.publishedRelease(Dataset.VISITS, MON, LAST, 15);
        long mallId = site("API-MALL", "Harbour Mall", n, "{\"type\":\"Point\",\"coordinates\":[0.5,1.5]}", 250);
        long pierId = site("API-PIER", "South Pier", s, Fixtures.SQUARE, null);
        for (long site : new long[] {mallId, pierId}) {
            db.insertInto(VISITS_RELEASE_SITE).set(VISITS_RELEASE_SITE.RELEASE_ID, visits)
                    .set(VISITS_RELEASE_SITE.SITE_ID, site).execute();
        }

        for (Object[] day : new Object[][] {{mallId, MON, 30}, {mallId, MON.plusDays(1), 16}, {pierId, MON, 25},
                {pierId, MON.plusDays(2), 40}}) {
            db.insertInto(VISITS_DAILY).set(VISITS_DAILY.RELEASE_ID, visits).set(VISITS_DAILY.SITE_ID, (Long) day[0])
                    .set(VISITS_DAILY.LOCAL_DAY, (LocalDate) day[1]).set(VISITS_DAILY.VISITORS, (Integer) day[2])
                    .execute();
        }

        long commuting = fixtures.publishedRelease(Dataset.COMMUTING, MON, LAST, 15);
        for (long[] pair : new long[][] {{c, n, 22}, {s, n, 15}, {n, s, 16}}) {
            db.insertInto(COMMUTING_OD).set(COMMUTING_OD.RELEASE_ID, commuting).set(COMMUTING_OD.LAYER_CODE, LAYER)
                    .set(COMMUTING_OD.HOME_AREA_ID, pair[0]).set(COMMUTING_OD.WORK_AREA_ID, pair[1])
                    .set(COMMUTING_OD.COMMUTERS, (int) pair[2]).execute();
        }
        db.insertInto(COMMUTING_OD).set(COMMUTING_OD.RELEASE_ID, commuting).set(COMMUTING_OD.LAYER_CODE, LAYER)
                .set(COMMUTING_OD.HOME_AREA_ID, n).set(COMMUTING_OD.WORK_AREA_ID, c).set(COMMUTING_OD.COMMUTERS, 40)
                .execute();
        db.insertInto(CORRIDOR)
                .set(CORRIDOR.RELEASE_ID, commuting).set(CORRIDOR.CODE, "K-API").set(CORRIDOR.NAME, "A11 ring")
                .set(CORRIDOR.GEOMETRY, "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}")
                .set(CORRIDOR.BUFFER_METRES, 500).set(CORRIDOR.CELL_COUNT, 14)
                .execute();
        long corridorId = db.select(CORRIDOR.ID).from(CORRIDOR).where(CORRIDOR.CODE.eq("K-API")).fetchSingle().value1();
        for (Object[] pass : new Object[][] {{MON, 8, "OUTBOUND", 30}, {MON.plusDays(1), 8, "OUTBOUND", 20},
                {MON, 17, "INBOUND", 16}, {MON.plusDays(5), 11, "INBOUND", 50}}) {
            db.insertInto(CORRIDOR_PASS).set(CORRIDOR_PASS.RELEASE_ID, commuting).set(CORRIDOR_PASS.CORRIDOR_ID, corridorId)
                    .set(CORRIDOR_PASS.LOCAL_DAY, (LocalDate) pass[0]).set(CORRIDOR_PASS.HOUR_OF_DAY, ((Integer) pass[1]).shortValue())
                    .set(CORRIDOR_PASS.DIRECTION, (String) pass[2]).set(CORRIDOR_PASS.PASSES, (Integer) pass[3])
                    .execute();
        }
    }

    private void hourly(long release, long area, LocalDate day, int hour, int devices) {
        db.insertInto(PRESENCE_HOURLY).set(PRESENCE_HOURLY.RELEASE_ID, release).set(PRESENCE_HOURLY.LAYER_CODE, LAYER)
                .set(PRESENCE_HOURLY.LOCAL_DAY, day).set(PRESENCE_HOURLY.HOUR_OF_DAY, (short) hour)
                .set(PRESENCE_HOURLY.AREA_ID, area).set(PRESENCE_HOURLY.DEVICES, devices).execute();
    }

    private void daily(long release, long area, LocalDate day, int devices) {
        db.insertInto(PRESENCE_DAILY).set(PRESENCE_DAILY.RELEASE_ID, release).set(PRESENCE_DAILY.LAYER_CODE, LAYER)
                .set(PRESENCE_DAILY.LOCAL_DAY, day).set(PRESENCE_DAILY.AREA_ID, area)
                .set(PRESENCE_DAILY.DEVICES, devices).execute();
    }

    /** Creates a token as its owner would on their account page. */
    IssuedApiToken token(String username, String name, Set<ApiTokenScope> scopes) {
        return as(username, () -> tokens.create(name, scopes, 30));
    }

    /** A presence token named {@code name}. */
    IssuedApiToken token(String username, String name) {
        return token(username, name, EnumSet.of(ApiTokenScope.PRESENCE));
    }

    IssuedApiToken token(String username, ApiTokenScope... scopes) {
        return token(username, "test " + UUID.randomUUID().toString().substring(0, 8),
                scopes.length == 0 ? EnumSet.of(ApiTokenScope.PRESENCE) : EnumSet.of(scopes[0], scopes));
    }

    <T> T as(String username, Supplier<T> action) {
        SignedIn.as(accounts.loadUserByUsername(username), securityContext);
        try {
            return action.get();
        } finally {
            SignedIn.out(securityContext);
        }
    }

    void as(String username, Runnable action) {
        as(username, () -> {
            action.run();
            return null;
        });
    }

    /**
     * A partner organisation of its own (so a test may suspend it or end its licences), with one
     * analyst licensed for presence and visitors on the whole layer; returns the analyst's user name.
     */
    String partnerOfItsOwn(String label) {
        Fixtures fixtures = new Fixtures(db);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long org = fixtures.organisation("API " + label + " " + run);
        String user = label.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-" + run + "@api-own.test";
        fixtures.user(org, user, encoder.encode(PASSWORD), Role.PARTNER_ANALYST);
        OffsetDateTime nextYear = OffsetDateTime.now().plusYears(1);
        fixtures.licence(org, Dataset.PRESENCE, LAYER, MON, LAST, nextYear, null);
        fixtures.licence(org, Dataset.VISITS, LAYER, MON, LAST, nextYear, null);
        return user;
    }

    long organisationOf(String username) {
        return db.select(APP_USER.ORGANISATION_ID).from(APP_USER).where(APP_USER.USERNAME.eq(username))
                .fetchSingle().value1();
    }

    private Long organisationId(String name) {
        return db.select(ORGANISATION.ID).from(ORGANISATION).where(ORGANISATION.NAME.eq(name))
                .fetchOptional(ORGANISATION.ID).orElse(null);
    }

    private long areaId(String code) {
        return db.select(AREA.ID).from(AREA).where(AREA.LAYER_CODE.eq(LAYER)).and(AREA.CODE.eq(code))
                .fetchSingle().value1();
    }

    private long area(String code, String name, String geometry) {
        return db.insertInto(AREA)
                .set(AREA.LAYER_CODE, LAYER).set(AREA.CODE, code).set(AREA.NAME, name)
                .set(AREA.GEOMETRY, geometry).set(AREA.CENTROID_LAT, 0.5).set(AREA.CENTROID_LON, 0.5)
                .returningResult(AREA.ID).fetchSingle().value1();
    }

    private long site(String code, String name, long area, String geometry, Integer radius) {
        long id = db.insertInto(SITE).set(SITE.CODE, code).set(SITE.NAME, name).set(SITE.CATEGORY, "shopping_centre")
                .set(SITE.GEOMETRY, geometry).set(SITE.RADIUS_METRES, radius).set(SITE.LAT, 0.5).set(SITE.LON, 0.5)
                .returningResult(SITE.ID).fetchSingle().value1();
        db.insertInto(SITE_AREA).set(SITE_AREA.SITE_ID, id).set(SITE_AREA.AREA_ID, area).execute();
        return id;
    }
}
