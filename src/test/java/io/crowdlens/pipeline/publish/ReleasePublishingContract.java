package io.crowdlens.pipeline.publish;

import io.crowdlens.pipeline.protect.NoiseRecord;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.PRESENCE_DAILY;
import static io.crowdlens.db.Tables.PRESENCE_DAY_HOURS;
import static io.crowdlens.db.Tables.PRESENCE_HOURLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.drop.CellReader;
import io.crowdlens.pipeline.drop.QuarantineFile;
import io.crowdlens.pipeline.geography.AreaReader;
import io.crowdlens.pipeline.geography.Geography;
import io.crowdlens.pipeline.presence.PresenceCount;
import io.crowdlens.pipeline.presence.PublishablePresence;
import io.crowdlens.presence.PresenceDayHours;
import io.crowdlens.release.ReleaseCatalogue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;

/** Publishing a release into the serving database, on each serving engine (see the subclasses). */
abstract class ReleasePublishingContract {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired DSLContext db;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired ReleasePublisher publisher;
    @Autowired ReleaseCatalogue catalogue;
    // method security reads this context's strategy, which differs from the global holder when several
    // Spring contexts are cached in one test JVM (each installs its own); see LicenceScopeServiceContract
    @Autowired SecurityContextHolderStrategy securityContext;

    @TempDir
    Path temp;

    Geography geography;
    List<PresenceCount> rows;

    @BeforeEach
    void handCountedGeography() {
        Path drop = Path.of("src/test/resources/pipeline/hand-counted");
        try (QuarantineFile quarantine = new QuarantineFile(temp, "cells.csv")) {
            geography = Geography.of(AreaReader.read(drop.resolve("areas.geojson")),
                    CellReader.read(drop.resolve("cells.csv"), quarantine).cells(), 8);
        }
        rows = List.of(
                new PresenceCount("district", "N", DAY, 8, 12),
                new PresenceCount("district", "S", DAY, 10, 10),
                new PresenceCount("district", "N", DAY, null, 12),
                new PresenceCount("district", "S", DAY, null, 10));
    }

    /** The portal's catalogue answers signed-in users only. */
    @BeforeEach
    void signedIn() {
        securityContext.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("viewer", null, List.of()));
    }

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    ReleaseDraft draft(String dropId) {
        return new ReleaseDraft("run-" + dropId, dropId, DAY, DAY.plusDays(1), "Europe/Berlin", 10, 1, "v1", 45, 45, 0,
                0, "duckdb", 5, "NONE", 1e-9);
    }

    List<ReleasePublisher.ProductRelease> presence() {
        return List.of(new ReleasePublisher.ProductRelease(new PublishablePresence(rows, List.of(new NoiseRecord(
                io.crowdlens.privacy.FigureFamily.PRESENCE_HOURLY, java.math.BigDecimal.ZERO, 0, 0, "test", 1, 0,
                rows.size() + 4, rows.size()))), 7));
    }

    long publish(String dropId, int keep) {
        return publisher.publish(draft(dropId), geography, presence(), keep, clock.millis()).get(Dataset.PRESENCE);
    }

    @Test
    void newReleaseIsServedAndThePreviousOneKeptAsSuperseded() {
        long first = publish("first", 5);
        long second = publish("second", 5);

        assertThat(catalogue.current(Dataset.PRESENCE)).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(second));
        assertThat(status(first)).isEqualTo("SUPERSEDED");
        assertThat(status(second)).isEqualTo("PUBLISHED");
        assertThat(db.fetchCount(PRESENCE_HOURLY, PRESENCE_HOURLY.RELEASE_ID.eq(first))).isEqualTo(2);
        assertThat(db.fetchCount(PRESENCE_HOURLY, PRESENCE_HOURLY.RELEASE_ID.eq(second))).isEqualTo(2);
        assertThat(db.fetchCount(PRESENCE_DAILY, PRESENCE_DAILY.RELEASE_ID.eq(second))).isEqualTo(2);
        assertThat(db.fetchCount(PRESENCE_DAY_HOURS, PRESENCE_DAY_HOURS.RELEASE_ID.eq(second))).isEqualTo(2);
    }

    @Test
    void theMapsDayRowsHoldExactlyThePublishedHourlyFigures() {
        long release = publish("day rows", 5);

        // N: 12 devices at 08:00; S: 10 at 10:00 (the hourly rows of the drop); every other hour empty
        var north = db.selectFrom(PRESENCE_DAY_HOURS).where(PRESENCE_DAY_HOURS.RELEASE_ID.eq(release))
                .and(PRESENCE_DAY_HOURS.AREA_ID.eq(areaId("N"))).fetchSingle();
        var south = db.selectFrom(PRESENCE_DAY_HOURS).where(PRESENCE_DAY_HOURS.RELEASE_ID.eq(release))
                .and(PRESENCE_DAY_HOURS.AREA_ID.eq(areaId("S"))).fetchSingle();
        assertThat(north.getLocalDay()).isEqualTo(DAY);
        for (int hour = 0; hour < 24; hour++) {
            assertThat(north.get(PresenceDayHours.hour(hour))).as("N at %d", hour).isEqualTo(hour == 8 ? 12 : null);
            assertThat(south.get(PresenceDayHours.hour(hour))).as("S at %d", hour).isEqualTo(hour == 10 ? 10 : null);
        }
    }

    @Test
    void publishKilledBetweenAggregateInsertsLeavesThePreviousReleaseServedAndNothingHalfWritten() {
        long served = publish("served", 5);
        List<List<Record>> before = everything();
        // the hourly rows are written, then the first daily insert dies, as if the process were killed there
        DSLContext dying = DSL.using(db.configuration().deriveAppending(new DiesOnInsertInto("presence_daily")));
        ReleasePublisher killed = new ReleasePublisher(dying, tx, clock, new PrivacyLedger(dying,
                new io.crowdlens.privacy.PrivacySettings(15), new io.crowdlens.audit.AuditLog(dying), clock));

        assertThatThrownBy(() -> killed.publish(draft("killed"), geography, presence(), 5, clock.millis()))
                .hasMessageContaining("killed between aggregate inserts");

        assertThat(everything()).isEqualTo(before);
        assertThat(catalogue.current(Dataset.PRESENCE)).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(served));
    }

    @Test
    void releasesBeyondTheKeptCountAreDeletedWithTheirFigures() {
        long oldest = publish("oldest", 2);
        long middle = publish("middle", 2);
        long newest = publish("newest", 2);

        // retention is per dataset: other suites' visitors and commuting releases share this database
        assertThat(db.fetch(DATA_RELEASE, DATA_RELEASE.DATASET.eq(Dataset.PRESENCE.name())).getValues(DATA_RELEASE.ID))
                .containsExactlyInAnyOrder(middle, newest);
        assertThat(db.fetchCount(PRESENCE_HOURLY, PRESENCE_HOURLY.RELEASE_ID.eq(oldest))).isZero();
        assertThat(db.fetchCount(PRESENCE_DAILY, PRESENCE_DAILY.RELEASE_ID.eq(oldest))).isZero();
        assertThat(db.fetchCount(PRESENCE_DAY_HOURS, PRESENCE_DAY_HOURS.RELEASE_ID.eq(oldest))).isZero();
    }

    @Test
    void republishingKeepsEachAreaOnceWithItsId() {
        publish("first", 5);
        List<Long> ids = db.select(AREA.ID).from(AREA).orderBy(AREA.ID).fetch(AREA.ID);
        publish("second", 5);

        assertThat(db.select(AREA.ID).from(AREA).orderBy(AREA.ID).fetch(AREA.ID)).isEqualTo(ids);
        // 2 districts and the H3 cells of the 4 cells
        assertThat(ids).hasSize(2 + 4);
    }

    private long areaId(String code) {
        return db.select(AREA.ID).from(AREA).where(AREA.LAYER_CODE.eq("district")).and(AREA.CODE.eq(code))
                .fetchSingle(AREA.ID);
    }

    private String status(long releaseId) {
        return db.fetchSingle(DATA_RELEASE, DATA_RELEASE.ID.eq(releaseId)).getStatus();
    }

    private List<List<Record>> everything() {
        return List.of(
                List.copyOf(db.selectFrom(DATA_RELEASE).orderBy(DATA_RELEASE.ID).fetch()),
                List.copyOf(db.selectFrom(AREA).orderBy(AREA.ID).fetch()),
                List.copyOf(db.selectFrom(PRESENCE_HOURLY).orderBy(PRESENCE_HOURLY.fields()).fetch()),
                List.copyOf(db.selectFrom(PRESENCE_DAILY).orderBy(PRESENCE_DAILY.fields()).fetch()),
                List.copyOf(db.selectFrom(PRESENCE_DAY_HOURS).orderBy(PRESENCE_DAY_HOURS.fields()).fetch()));
    }

    private record DiesOnInsertInto(String table) implements ExecuteListener {
        @Override
        public void executeStart(ExecuteContext ctx) {
            String sql = ctx.sql() != null ? ctx.sql() : String.join(";", ctx.batchSQL());
            if (sql.startsWith("insert into \"" + table + "\"")) {
                throw new IllegalStateException("killed between aggregate inserts");
            }
        }
    }
}
