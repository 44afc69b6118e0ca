package io.crowdlens.pipeline.visits;

import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.SITE;
import static io.crowdlens.db.Tables.SITE_AREA;
import static io.crowdlens.db.Tables.VISITS_CATCHMENT;
import static io.crowdlens.db.Tables.VISITS_DAILY;
import static io.crowdlens.db.Tables.VISITS_DWELL;
import static io.crowdlens.db.Tables.VISITS_HOURLY;
import static io.crowdlens.db.Tables.VISITS_LOYALTY;
import static io.crowdlens.db.Tables.VISITS_RELEASE_SITE;
import static io.crowdlens.pipeline.visits.HandBuiltVisitsDrop.SAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdlens.common.Dataset;
import io.crowdlens.pipeline.PipelineRunner;
import io.crowdlens.pipeline.RunFailedException;
import io.crowdlens.pipeline.RunOptions;
import io.crowdlens.pipeline.RunReport;
import io.crowdlens.pipeline.engine.EngineKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A data operator runs the pipeline on a drop with sites (see the subclasses for engine and serving
 * database): the visitors release is published with the presence release, only figures of at least k
 * devices are stored, sensitive sites are never stored, and bad sites stop the run. Runs commit their
 * releases and districts, so each subclass has a Spring context (and database) of its own.
 */
abstract class OperatorPublishesVisitsContract {

    @Autowired PipelineRunner pipeline;
    @Autowired DSLContext db;

    @TempDir
    Path temp;

    abstract EngineKind engine();

    /** Runs the pipeline; on Trino the drop's events and opt-outs are first put into the test cluster's lake. */
    RunReport run(Path drop, RunOptions options) {
        return pipeline.run(drop, options);
    }

    static HandBuiltVisitsDrop crowd() {
        return HandBuiltVisitsDrop.crowdOfTwelve();
    }

    RunReport publish(HandBuiltVisitsDrop drop, int k) {
        return run(drop.writeTo(temp.resolve("drop")), RunOptions.defaults().withoutNoise("exact figures to compare with hand counts").withEngine(engine())
                .withMinimumCrowd(k).withOutputDirectory(temp.resolve("run")));
    }

    @Test
    void operatorPublishesVisitorsWithPresenceAndOnlyFiguresOfAtLeastK() {
        RunReport report = publish(crowd(), 10);

        long release = report.release(Dataset.VISITS).releaseId();
        assertThat(db.fetchSingle(DATA_RELEASE, DATA_RELEASE.ID.eq(release)).getStatus()).isEqualTo("PUBLISHED");
        assertThat(report.release(Dataset.PRESENCE).releaseId()).isNotEqualTo(release);
        long crowd = siteId("CROWD");
        assertThat(db.select(VISITS_HOURLY.LOCAL_DAY, VISITS_HOURLY.HOUR_OF_DAY, VISITS_HOURLY.VISITORS)
                .from(VISITS_HOURLY).where(VISITS_HOURLY.RELEASE_ID.eq(release)).fetch(r -> r.into(Object[].class)))
                .containsExactly(new Object[] {SAT, (short) 10, 12}); // 15:00 had one visitor: not stored
        assertThat(db.select(VISITS_DAILY.SITE_ID, VISITS_DAILY.LOCAL_DAY, VISITS_DAILY.VISITORS).from(VISITS_DAILY)
                .where(VISITS_DAILY.RELEASE_ID.eq(release)).fetch(Record3::intoArray))
                .containsExactly(new Object[] {crowd, SAT, 12});
        // 12 stays of 30 min; s01's 15 min stay is alone in its bucket: fewer than k, not stored
        assertThat(db.select(VISITS_DWELL.DWELL_FROM_MINUTES, VISITS_DWELL.DWELL_TO_MINUTES, VISITS_DWELL.VISITS)
                .from(VISITS_DWELL).where(VISITS_DWELL.RELEASE_ID.eq(release)).fetch(Record3::intoArray))
                .containsExactly(new Object[] {(short) 30, (short) 60, 12});
        assertThat(db.select(VISITS_CATCHMENT.LAYER_CODE, AREA.CODE, VISITS_CATCHMENT.VISITORS).from(VISITS_CATCHMENT)
                .join(AREA).on(AREA.ID.eq(VISITS_CATCHMENT.AREA_ID)).where(VISITS_CATCHMENT.RELEASE_ID.eq(release))
                .fetch(Record3::intoArray)).containsExactly(new Object[] {"district", "E", 12});
        // everyone was new on Saturday: "returning" is 0, so neither part is stored (it would reveal the other)
        assertThat(db.fetchCount(VISITS_LOYALTY, VISITS_LOYALTY.RELEASE_ID.eq(release))).isZero();
        assertThat(db.select(VISITS_RELEASE_SITE.SITE_ID).from(VISITS_RELEASE_SITE)
                .where(VISITS_RELEASE_SITE.RELEASE_ID.eq(release)).fetch(VISITS_RELEASE_SITE.SITE_ID))
                .containsExactlyInAnyOrder(crowd, siteId("EMPTY"));
        assertThat(Files.exists(temp.resolve("run/scratch"))).as("stays live only in the deleted scratch space")
                .isFalse();
    }

    @Test
    void sitesInASensitiveCategoryAreNeverStoredOrCounted() {
        publish(crowd(), 10);

        assertThat(db.fetchExists(SITE, SITE.CODE.eq("CLINIC"))).isFalse();
        assertThat(db.fetchExists(SITE, SITE.CATEGORY.eq("clinic"))).isFalse();
    }

    @Test
    void aSiteLiesInTheAreaThatContainsItsLocation() {
        publish(crowd(), 10);

        assertThat(db.select(AREA.LAYER_CODE, AREA.CODE).from(SITE_AREA).join(AREA).on(AREA.ID.eq(SITE_AREA.AREA_ID))
                .where(SITE_AREA.SITE_ID.eq(siteId("CROWD"))).fetch(r -> r.value1() + "/" + r.value2()))
                .contains("district/W").anyMatch(a -> a.startsWith("h3r8/"));
        var site = db.fetchSingle(SITE, SITE.CODE.eq("CROWD"));
        assertThat(site.getRadiusMetres()).isEqualTo(200);
        assertThat(site.getGeometry()).startsWith("{\"type\":\"Point\"");
    }

    @Test
    void aFigureOfExactlyKIsPublishedAndOneBelowIsNot() {
        long atTwelve = publish(crowd(), 12).release(Dataset.VISITS).releaseId();
        assertThat(db.fetchCount(VISITS_DAILY, VISITS_DAILY.RELEASE_ID.eq(atTwelve))).isEqualTo(1);

        RunReport atThirteen = run(temp.resolve("drop"), RunOptions.defaults().withoutNoise("exact figures to compare with hand counts").withEngine(engine())
                .withMinimumCrowd(13).withOutputDirectory(temp.resolve("run13")));
        // no figure reaches 13: no visits release at all, so the one served (at 12) is not replaced by an empty one
        assertThat(atThirteen.releases()).extracting(RunReport.PublishedRelease::dataset).doesNotContain(Dataset.VISITS);
        assertThat(atThirteen.warnings()).anyMatch(w -> w.startsWith("Visitors: no figure of its grid reaches k = 13"));
        assertThat(db.select(DATA_RELEASE.STATUS).from(DATA_RELEASE).where(DATA_RELEASE.ID.eq(atTwelve))
                .fetchSingle(DATA_RELEASE.STATUS)).isEqualTo("PUBLISHED");
    }

    @Test
    void optingOutOneShopperTakesExactlyThatShopperAway() {
        RunReport report = publish(crowd().optOut("s05"), 10);

        long release = report.release(Dataset.VISITS).releaseId();
        assertThat(db.select(VISITS_DAILY.VISITORS).from(VISITS_DAILY).where(VISITS_DAILY.RELEASE_ID.eq(release))
                .fetch(VISITS_DAILY.VISITORS)).containsExactly(11);
        assertThat(db.select(VISITS_HOURLY.VISITORS).from(VISITS_HOURLY).where(VISITS_HOURLY.RELEASE_ID.eq(release))
                .fetch(VISITS_HOURLY.VISITORS)).containsExactly(11);
        assertThat(db.select(VISITS_DWELL.VISITS).from(VISITS_DWELL)
                .where(VISITS_DWELL.RELEASE_ID.eq(release)).fetch(VISITS_DWELL.VISITS))
                .containsExactly(11);
        assertThat(db.select(VISITS_CATCHMENT.VISITORS).from(VISITS_CATCHMENT)
                .where(VISITS_CATCHMENT.RELEASE_ID.eq(release)).fetch(VISITS_CATCHMENT.VISITORS)).containsExactly(11);
    }

    @Test
    void aDropWithoutSitesPublishesPresenceOnly() throws IOException {
        Path drop = crowd().writeTo(temp.resolve("drop"));
        Files.delete(drop.resolve("sites.geojson"));

        RunReport report = run(drop, RunOptions.defaults().withoutNoise("exact figures to compare with hand counts").withEngine(engine()).withMinimumCrowd(10)
                .withOutputDirectory(temp.resolve("run")));

        assertThat(report.releases()).extracting(RunReport.PublishedRelease::dataset).contains(Dataset.PRESENCE)
                .doesNotContain(Dataset.VISITS);
    }

    @Test
    void badSitesStopTheRunNamingTheFileAndPositionAndPublishNothing() throws IOException {
        Path drop = crowd().writeTo(temp.resolve("drop"));
        int releases = db.fetchCount(DATA_RELEASE);
        Files.writeString(drop.resolve("sites.geojson"), """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"id": "A", "name": "A", "category": "shopping_centre", "radius": 100},
                   "geometry": {"type": "Point", "coordinates": [13.3, 52.5]}},
                  {"type": "Feature", "properties": {"id": "B", "name": "B", "category": "shopping_centre"},
                   "geometry": {"type": "Point", "coordinates": [13.4, 52.5]}}
                ]}""");
        RunOptions options = RunOptions.defaults().withoutNoise("exact figures to compare with hand counts").withEngine(engine()).withMinimumCrowd(10)
                .withOutputDirectory(temp.resolve("run"));

        assertThatThrownBy(() -> run(drop, options)).isInstanceOf(RunFailedException.class)
                .hasMessage("invalid GeoJSON in sites.geojson at $.features[1].properties.radius: "
                        + "a Point site needs a radius in metres between 1 and 10000");

        Files.writeString(drop.resolve("sites.geojson"), "{\"type\": \"FeatureCollection\",\n \"features\": [ {,] }");
        assertThatThrownBy(() -> run(drop, options)).isInstanceOf(RunFailedException.class)
                .hasMessageStartingWith("invalid GeoJSON in sites.geojson at line 2, column");
        assertThat(db.fetchCount(DATA_RELEASE)).as("nothing published").isEqualTo(releases);
    }

    private long siteId(String code) {
        return db.select(SITE.ID).from(SITE).where(SITE.CODE.eq(code)).fetchSingle(SITE.ID);
    }
}
