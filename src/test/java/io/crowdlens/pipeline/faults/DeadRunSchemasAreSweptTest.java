package io.crowdlens.pipeline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.pipeline.engine.PostgresEngine;
import io.crowdlens.testing.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The PostgreSQL engine's run schemas hold a drop verbatim. A run holds an advisory lock on its schema
 * for its whole life; the server lets go of it when the run's session ends, also when the run's process
 * is killed. The sweep drops the schemas whose lock is free and leaves those of live runs alone.
 */
class DeadRunSchemasAreSweptTest {

    @Test
    void schemasOfDeadRunsAreDroppedAndThoseOfLiveRunsKept() throws Exception {
        DriverManagerDataSource db = new DriverManagerDataSource(EmbeddedPostgres.createDatabase("sweep_run_schemas"),
                "postgres", "postgres");
        try (Connection live = db.getConnection(); Statement s = live.createStatement()) {
            s.execute("create schema crowdlens_run_deadbeef01");
            s.execute("create table crowdlens_run_deadbeef01.raw_event (device_id varchar)");
            s.execute("create schema crowdlens_run_a1ec0ffee0");
            // the live run's session holds its schema's lock, as PostgresEngine does
            s.execute("select pg_advisory_lock(" + 0x43524C + ", hashtext('crowdlens_run_a1ec0ffee0'))");

            assertThat(PostgresEngine.sweepDeadRunSchemas(db)).containsExactly("crowdlens_run_deadbeef01");

            try (var rs = s.executeQuery("select nspname from pg_namespace where nspname like 'crowdlens_run_%'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("crowdlens_run_a1ec0ffee0");
                assertThat(rs.next()).isFalse();
            }
        }
        assertThat(PostgresEngine.sweepDeadRunSchemas(db)).as("its session ended: the live run is dead now")
                .containsExactly("crowdlens_run_a1ec0ffee0");
    }
}
