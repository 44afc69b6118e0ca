package io.crowdlens.testing;

import static io.crowdlens.db.Tables.APP_USER;
import static io.crowdlens.db.Tables.AREA;
import static io.crowdlens.db.Tables.AREA_LAYER;
import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.LICENCE;
import static io.crowdlens.db.Tables.LICENCE_AREA;
import static io.crowdlens.db.Tables.ORGANISATION;
import static io.crowdlens.db.Tables.USER_ROLE;

import io.crowdlens.common.Dataset;
import io.crowdlens.security.Role;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/** Small named fixtures for integration tests; ids come back from the database. */
public final class Fixtures {

    public static final String DISTRICTS = "district";
    public static final String H3 = "h3r8";
    public static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}";

    private final DSLContext db;

    public Fixtures(DSLContext db) {
        this.db = db;
    }

    public long organisation(String name) {
        return db.insertInto(ORGANISATION).set(ORGANISATION.NAME, name).set(ORGANISATION.KIND, "PARTNER")
                .returningResult(ORGANISATION.ID).fetchSingle().value1();
    }

    public void suspend(long organisationId) {
        db.update(ORGANISATION).set(ORGANISATION.STATUS, "SUSPENDED").where(ORGANISATION.ID.eq(organisationId)).execute();
    }

    public long user(long organisationId, String username, String passwordHash, Role... roles) {
        long id = db.insertInto(APP_USER)
                .set(APP_USER.ORGANISATION_ID, organisationId)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, username)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .returningResult(APP_USER.ID).fetchSingle().value1();
        for (Role role : roles) {
            db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, role.name()).execute();
        }
        return id;
    }

    public void layers() {
        db.insertInto(AREA_LAYER, AREA_LAYER.CODE, AREA_LAYER.NAME, AREA_LAYER.KIND)
                .values(DISTRICTS, "Districts", "POLYGON")
                .values(H3, "H3 cells (resolution 8)", "H3")
                .onConflictDoNothing()
                .execute();
    }

    public long area(String layer, String code) {
        return db.insertInto(AREA)
                .set(AREA.LAYER_CODE, layer).set(AREA.CODE, code).set(AREA.NAME, code)
                .set(AREA.GEOMETRY, SQUARE).set(AREA.CENTROID_LAT, 0.5).set(AREA.CENTROID_LON, 0.5)
                .returningResult(AREA.ID).fetchSingle().value1();
    }

    public long licence(long organisationId, Dataset dataset, String layer, LocalDate from, LocalDate to,
            OffsetDateTime expires, Integer minK, long... areaIds) {
        long id = db.insertInto(LICENCE)
                .set(LICENCE.ORGANISATION_ID, organisationId)
                .set(LICENCE.DATASET, dataset.name())
                .set(LICENCE.LAYER_CODE, layer)
                .set(LICENCE.WHOLE_LAYER, areaIds.length == 0)
                .set(LICENCE.DATA_FROM, from)
                .set(LICENCE.DATA_TO, to)
                .set(LICENCE.EXPIRES_AT, expires)
                .set(LICENCE.MIN_K, minK)
                .returningResult(LICENCE.ID).fetchSingle().value1();
        for (long area : areaIds) {
            db.insertInto(LICENCE_AREA).set(LICENCE_AREA.LICENCE_ID, id).set(LICENCE_AREA.AREA_ID, area).execute();
        }
        return id;
    }

    /** A published release in the Europe/Berlin zone, as the pipeline would record it; returns its id. */
    public long publishedRelease(Dataset dataset, LocalDate from, LocalDate to, int k) {
        return db.insertInto(DATA_RELEASE)
                .set(DATA_RELEASE.DATASET, dataset.name()).set(DATA_RELEASE.STATUS, "PUBLISHED")
                .set(DATA_RELEASE.PERIOD_FROM, from).set(DATA_RELEASE.PERIOD_TO, to)
                .set(DATA_RELEASE.TIME_ZONE, "Europe/Berlin").set(DATA_RELEASE.K_THRESHOLD, k)
                .set(DATA_RELEASE.OPTOUT_LIST_VERSION, "v1").set(DATA_RELEASE.ROWS_READ, 100L)
                .set(DATA_RELEASE.ROWS_ACCEPTED, 99L).set(DATA_RELEASE.ROWS_REJECTED, 1L)
                .set(DATA_RELEASE.AGGREGATE_ROWS, 10L).set(DATA_RELEASE.PIPELINE_MILLIS, 5L)
                .set(DATA_RELEASE.ENGINE, "duckdb")
                .returningResult(DATA_RELEASE.ID).fetchSingle().value1();
    }

    /**
     * Records that a release's figures of {@code family} carry discrete Gaussian noise with {@code sigma}, as the
     * pipeline would: the release then states margins for them.
     */
    public void noise(long releaseId, io.crowdlens.privacy.FigureFamily family, String sigma) {
        io.crowdlens.privacy.noise.DiscreteGaussian mechanism =
                io.crowdlens.privacy.noise.DiscreteGaussian.withSigma(new java.math.BigDecimal(sigma));
        db.update(DATA_RELEASE).set(DATA_RELEASE.NOISE_MECHANISM, "DISCRETE_GAUSSIAN")
                .where(DATA_RELEASE.ID.eq(releaseId)).execute();
        db.insertInto(io.crowdlens.db.Tables.RELEASE_NOISE)
                .set(io.crowdlens.db.Tables.RELEASE_NOISE.RELEASE_ID, releaseId)
                .set(io.crowdlens.db.Tables.RELEASE_NOISE.FIGURE_FAMILY, family.name())
                .set(io.crowdlens.db.Tables.RELEASE_NOISE.SIGMA, mechanism.sigma())
                .set(io.crowdlens.db.Tables.RELEASE_NOISE.VARIANCE, mechanism.variance())
                .set(io.crowdlens.db.Tables.RELEASE_NOISE.MARGIN95, (int) mechanism.margin95())
                .set(io.crowdlens.db.Tables.RELEASE_NOISE.CONTRIBUTION_BOUND, "test")
                .set(io.crowdlens.db.Tables.RELEASE_NOISE.SQUARED_SENSITIVITY, 1.0)
                .set(io.crowdlens.db.Tables.RELEASE_NOISE.RHO, 0.0)
                .set(io.crowdlens.db.Tables.RELEASE_NOISE.SCOPE, family.scope().name())
                .set(io.crowdlens.db.Tables.RELEASE_NOISE.GRID_CELLS, 0L)
                .set(io.crowdlens.db.Tables.RELEASE_NOISE.STORED_CELLS, 0L)
                .execute();
    }

    public void revoke(long licenceId) {
        db.update(LICENCE).set(LICENCE.REVOKED_AT, OffsetDateTime.now()).where(LICENCE.ID.eq(licenceId)).execute();
    }
}
