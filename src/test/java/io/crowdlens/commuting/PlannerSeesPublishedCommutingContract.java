package io.crowdlens.commuting;

import static io.crowdlens.commuting.CommutingDrop.MON;
import static io.crowdlens.commuting.CommutingDrop.LAST;
import static io.crowdlens.commuting.CommutingDrop.THU;
import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.COMMUTING_DEPARTURE;
import static io.crowdlens.db.Tables.COMMUTING_OD;
import static io.crowdlens.db.Tables.CORRIDOR;
import static io.crowdlens.db.Tables.CORRIDOR_PASS;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crowdlens.common.Dataset;
import io.crowdlens.db.tables.Area;
import io.crowdlens.pipeline.PipelineRunner;
import io.crowdlens.pipeline.RunFailedException;
import io.crowdlens.pipeline.RunOptions;
import io.crowdlens.pipeline.RunReport;
import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.pipeline.homework.HandBuiltDrop;
import io.crowdlens.security.Role;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.Fixtures;
import io.crowdlens.testing.SignedIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * From a drop with a known truth to what a planner sees: the pipeline (DuckDB) publishes the commuting
 * release into this serving database, the query service shows it. See {@link CommutingDrop}.
 */
abstract class PlannerSeesPublishedCommutingContract {

    @Autowired PipelineRunner pipeline;
    @Autowired DSLContext db;
    @Autowired CommutingQueryService commuting;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    @TempDir
    Path temp;

    @AfterEach
    void signOut() {
        SignedIn.out(securityContext);
    }

    @Test
    void releaseHoldsExactlyThePairsBucketsAndPassesThatReachK() {
        long release = publish(CommutingDrop.withCorridor()).release(Dataset.COMMUTING).releaseId();

        assertThat(pairs(release)).containsExactlyInAnyOrder(tuple("A", "C", 20), tuple("B", "C", 16), tuple("C", "A", 15));
        // usual departure hours: A->C left at 8 on Tuesday and Wednesday, at 7 on Thursday (8); A->B is below k
        assertThat(departures(release)).containsExactlyInAnyOrder(
                tuple("A", "C", (short) 8, 20), tuple("B", "C", (short) 8, 16), tuple("C", "A", (short) 7, 15));
        assertThat(db.select(CORRIDOR.CODE, CORRIDOR.NAME, CORRIDOR.BUFFER_METRES, CORRIDOR.CELL_COUNT).from(CORRIDOR)
                .where(CORRIDOR.RELEASE_ID.eq(release)).fetch(Record::intoList))
                .containsExactly(List.of("K", "Ringbahn", 300, 6));
        assertThat(db.select(CORRIDOR.GEOMETRY).from(CORRIDOR).where(CORRIDOR.RELEASE_ID.eq(release)).fetchSingle().value1())
                .contains("\"LineString\"", "[13.31,52.45]");
        assertThat(db.select(CORRIDOR_PASS.LOCAL_DAY, CORRIDOR_PASS.HOUR_OF_DAY, CORRIDOR_PASS.DIRECTION,
                        CORRIDOR_PASS.PASSES)
                .from(CORRIDOR_PASS).where(CORRIDOR_PASS.RELEASE_ID.eq(release)).fetch(Record::intoList))
                .containsExactlyInAnyOrder(List.of(THU, (short) 7, "OUTBOUND", 20),
                        List.of(THU, (short) 17, "INBOUND", 20));
        var stored = db.fetchSingle(DATA_RELEASE, DATA_RELEASE.ID.eq(release));
        assertThat(stored.getAggregateRows()).isEqualTo(3 + 3 + 2);
        // everything else of the public grids: 6 ordered pairs, each at 24 hours, and the corridor at every
        // local hour of the 9 days in both directions (the 25th, when clocks go back, has 24 wall-clock hours)
        assertThat(stored.getRowsSuppressed()).isEqualTo((6 - 3) + (6 * 24 - 3) + (9 * 24 * 2 - 2));
    }

    @Test
    void plannerCannotDeriveTheSuppressedPairBySubtraction() {
        publish(CommutingDrop.withCorridor());
        signIn(planner());
        long a = area("A");
        long b = area("B");
        long c = area("C");

        // the truth: 25 residents of A commute (20 to C, 5 to B); A->B is below k and must stay hidden
        DistrictFlows fromA = commuting.flowsOf(a);
        long leftOver = fromA.outboundTotal().rounded() - fromA.outbound().stream().mapToLong(Flow::rounded).sum();
        assertThat(leftOver).as("total minus the pairs shown").isZero().isNotEqualTo(5);
        assertThat(fromA.outbound()).extracting(f -> f.work().code()).containsExactly("C");
        DistrictFlows intoB = commuting.flowsOf(b);
        assertThat(intoB.inbound()).as("nobody shown commuting into B").isEmpty();
        assertThat(intoB.inboundTotal().shown()).isFalse();
        OdMatrix matrix = commuting.matrix(List.of(a, b, c));
        assertThat(matrix.cell(0, 1).shown()).isFalse();
        assertThat(matrix.rowTotal(0).rounded() - matrix.cell(0, 2).rounded()).isZero();
        assertThat(matrix.columnTotal(1).shown()).isFalse();
        // A's residents by usual departure hour: only A->C's; A->B's 5 at 8 are in no sum
        assertThat(CommutingQueryServiceContract.shown(fromA.departuresOfResidents())).isEqualTo(Map.of(8, 20L));
    }

    @Test
    void optingOutOneCommuterTakesAwayExactlyItsContribution() {
        HandBuiltDrop drop = CommutingDrop.withCorridor().optOut("ac7");

        long release = publish(drop).release(Dataset.COMMUTING).releaseId();

        assertThat(pairs(release)).containsExactlyInAnyOrder(tuple("A", "C", 19), tuple("B", "C", 16), tuple("C", "A", 15));
        assertThat(departures(release)).containsExactlyInAnyOrder(
                tuple("A", "C", (short) 8, 19), tuple("B", "C", (short) 8, 16), tuple("C", "A", (short) 7, 15));
        assertThat(db.select(CORRIDOR_PASS.PASSES).from(CORRIDOR_PASS).where(CORRIDOR_PASS.RELEASE_ID.eq(release))
                .fetch(CORRIDOR_PASS.PASSES)).containsExactly(19, 19);
    }

    @Test
    void aDropWithoutCorridorsPublishesFlowsOnly() {
        long release = publish(CommutingDrop.withCorridor().corridors(null)).release(Dataset.COMMUTING).releaseId();

        assertThat(db.fetchCount(CORRIDOR, CORRIDOR.RELEASE_ID.eq(release))).isZero();
        assertThat(db.fetchCount(CORRIDOR_PASS, CORRIDOR_PASS.RELEASE_ID.eq(release))).isZero();
        assertThat(pairs(release)).containsExactlyInAnyOrder(tuple("A", "C", 20), tuple("B", "C", 16), tuple("C", "A", 15));
    }

    @Test
    void badCorridorsFailTheRunNamingFileAndPositionAndPublishNothing() {
        int releasesBefore = db.fetchCount(DATA_RELEASE);
        HandBuiltDrop drop = CommutingDrop.withCorridor().corridors("""
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"id": "K", "name": "Ring"},
                   "geometry": {"type": "LineString", "coordinates": [[13.31, 52.45], ["east", 52.45]]}}
                ]}""");

        assertThatThrownBy(() -> publish(drop))
                .isInstanceOf(RunFailedException.class)
                .hasMessage("invalid GeoJSON in corridors.geojson at $.features[0].geometry.coordinates[1]:"
                        + " a position is [longitude, latitude]");
        assertThat(db.fetchCount(DATA_RELEASE)).isEqualTo(releasesBefore);
    }

    private RunReport publish(HandBuiltDrop drop) {
        Path run = temp.resolve("run-" + System.nanoTime());
        RunReport report = pipeline.run(drop.writeTo(run.resolve("drop")), RunOptions.defaults()
                .withEngine(EngineKind.DUCKDB).withMinimumCrowd(15).withOutputDirectory(run.resolve("out"))
                .withoutNoise("exact figures to compare with the hand-counted truth"));
        assertThat(Files.exists(run.resolve("out/scratch"))).as("per-device scratch space is deleted").isFalse();
        return report;
    }

    /** A planner with a whole-layer commuting licence for the drop's period; returns its user name. */
    private String planner() {
        Fixtures fixtures = new Fixtures(db);
        String name = "planner-" + System.nanoTime() + "@city.test";
        long org = fixtures.organisation("City " + name);
        fixtures.user(org, name, "{noop}x", Role.PARTNER_ANALYST);
        fixtures.licence(org, Dataset.COMMUTING, Fixtures.DISTRICTS, MON, LAST, OffsetDateTime.now().plusYears(1), null);
        return name;
    }

    private long area(String code) {
        return db.select(AREA.ID).from(AREA).where(AREA.LAYER_CODE.eq(Fixtures.DISTRICTS)).and(AREA.CODE.eq(code))
                .fetchSingle().value1();
    }

    private List<org.assertj.core.groups.Tuple> pairs(long release) {
        Area home = AREA.as("home");
        Area work = AREA.as("work");
        return db.select(home.CODE, work.CODE, COMMUTING_OD.COMMUTERS).from(COMMUTING_OD)
                .join(home).on(home.ID.eq(COMMUTING_OD.HOME_AREA_ID))
                .join(work).on(work.ID.eq(COMMUTING_OD.WORK_AREA_ID))
                .where(COMMUTING_OD.RELEASE_ID.eq(release))
                .fetch(r -> tuple(r.value1(), r.value2(), r.value3()));
    }

    private List<org.assertj.core.groups.Tuple> departures(long release) {
        Area home = AREA.as("home");
        Area work = AREA.as("work");
        return db.select(home.CODE, work.CODE, COMMUTING_DEPARTURE.HOUR_OF_DAY, COMMUTING_DEPARTURE.COMMUTERS)
                .from(COMMUTING_DEPARTURE)
                .join(home).on(home.ID.eq(COMMUTING_DEPARTURE.HOME_AREA_ID))
                .join(work).on(work.ID.eq(COMMUTING_DEPARTURE.WORK_AREA_ID))
                .where(COMMUTING_DEPARTURE.RELEASE_ID.eq(release))
                .fetch(r -> tuple(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private void signIn(String username) {
        SignedIn.as(accounts.loadUserByUsername(username), securityContext);
    }
}
