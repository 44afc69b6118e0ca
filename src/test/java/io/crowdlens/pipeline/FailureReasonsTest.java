package io.crowdlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's reasons that hid the cause: a serving database gone mid-publish ("JDBC rollback failed",
 * "Database is already closed"), the engine out of memory reported as an unreadable file. The
 * exceptions are built as the drivers throw them; the publishing frame is where the publisher runs.
 */
class FailureReasonsTest {

    static final PipelineSettings SETTINGS = new PipelineSettings("duckdb", 0.01, 5, java.nio.file.Path.of("runs"),
            new PipelineSettings.Postgres(null, "", ""), new PipelineSettings.Duckdb("2GB", 0),
            new PipelineSettings.Geography(1000), java.nio.file.Path.of("scratch"),
            new PipelineSettings.Limits(org.springframework.util.unit.DataSize.ofGigabytes(1),
                    org.springframework.util.unit.DataSize.ofMegabytes(64), org.springframework.util.unit.DataSize.ofMegabytes(1),
                    org.springframework.util.unit.DataSize.ofKilobytes(64), 100_000, 200_000, 2_000, 366, false),
            new PipelineSettings.Retention(java.time.Duration.ofDays(7), java.time.Duration.ofDays(7)),
            new PipelineSettings.Trino("", "crowdlens", "", "iceberg", "", "memory", ""));

    @Test
    void aServingDatabaseGoneWhilePublishingSaysNothingWasPublished() {
        RuntimeException lost = new org.jooq.exception.DataAccessException("SQL [insert into presence_hourly ...]",
                new SQLException("Database is already closed (to disable automatic closing at VM shutdown, add"
                        + " \";DB_CLOSE_ON_EXIT=FALSE\" to the db URL)", "90121"));
        lost.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.crowdlens.pipeline.publish.ReleasePublisher", "publish", "ReleasePublisher.java", 70)});

        assertThat(FailureReasons.of(lost, SETTINGS)).isEqualTo("the serving database went away during publishing;"
                + " nothing was published (Database is already closed (to disable automatic closing at VM shutdown,"
                + " add \";DB_CLOSE_ON_EXIT=FALSE\" to the db URL))");
    }

    @Test
    void aLostPostgresConnectionIsNamedByItsSqlState() {
        RuntimeException lost = new IllegalStateException("JDBC rollback failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(FailureReasons.of(lost, SETTINGS)).startsWith("the serving database went away during the run;"
                + " nothing was published (An I/O error occurred while sending to the backend.)");
    }

    @Test
    void theEngineOutOfMemoryNamesTheSettingToRaise() {
        RuntimeException oom = new IllegalStateException("optouts.csv could not be read: Error: Out of Memory Error:"
                + " could not allocate block of size 30.5 MiB (146.0 KiB/22.8 MiB used)");

        assertThat(FailureReasons.of(oom, SETTINGS)).isEqualTo("the engine ran out of memory (could not allocate block"
                + " of size 30.5 MiB (146.0 KiB/22.8 MiB used)) at crowdlens.pipeline.duckdb.memory-limit = 2GB: raise it"
                + " (DuckDB spills to disk beyond it, but some steps need their memory at once)");
    }

    @Test
    void aFullDiskNamesThePath() {
        RuntimeException full = new UncheckedIOException("Could not write quarantine file /data/run/quarantine/events.csv",
                new IOException("No space left on device"));

        assertThat(FailureReasons.of(full, SETTINGS)).isEqualTo("no space left on device: Could not write quarantine"
                + " file /data/run/quarantine/events.csv (No space left on device)");
    }

    @Test
    void otherFailuresKeepTheirOwnMessage() {
        assertThat(FailureReasons.of(new IllegalStateException("something else"), SETTINGS)).isNull();
    }
}
