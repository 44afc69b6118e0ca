package io.crowdlens.pipeline.publish;

import static io.crowdlens.db.Tables.DATA_RELEASE;
import static org.jooq.impl.DSL.field;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import io.crowdlens.release.Staleness;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Component;

/** The releases kept in the serving database, newest first, for the operator's command line. */
@Component
public class ReleaseHistory {

    public record Entry(long id, String dataset, String status, String dropId, LocalDate periodFrom,
            LocalDate periodTo, String timeZone, int minimumCrowd, int rounding, String optOutListVersion,
            long rowsRead, long rowsRejected, long aggregateRows, String engine, long pipelineMillis,
            OffsetDateTime publishedAt, boolean stale, String noiseMechanism, double rhoPerUnit,
            double epsilonPerUnit) {
    }

    private final DSLContext db;

    public ReleaseHistory(DSLContext db) {
        this.db = db;
    }

    /** Every kept release; {@code stale} when an opt-out list arrived after the one it honoured. */
    public List<Entry> newestFirst() {
        return db.select(DATA_RELEASE.ID, DATA_RELEASE.DATASET, DATA_RELEASE.STATUS, DATA_RELEASE.DROP_ID,
                        DATA_RELEASE.PERIOD_FROM, DATA_RELEASE.PERIOD_TO, DATA_RELEASE.TIME_ZONE,
                        DATA_RELEASE.K_THRESHOLD, DATA_RELEASE.ROUNDING, DATA_RELEASE.OPTOUT_LIST_VERSION,
                        DATA_RELEASE.ROWS_READ, DATA_RELEASE.ROWS_REJECTED, DATA_RELEASE.AGGREGATE_ROWS,
                        DATA_RELEASE.ENGINE, DATA_RELEASE.PIPELINE_MILLIS, DATA_RELEASE.PUBLISHED_AT,
                        field(Staleness.ofRelease()), DATA_RELEASE.NOISE_MECHANISM,
                        DATA_RELEASE.RHO_DAY_LEVEL.plus(DATA_RELEASE.RHO_PERIOD_LEVEL), DATA_RELEASE.EPSILON_PER_UNIT)
                .from(DATA_RELEASE)
                .orderBy(DATA_RELEASE.PUBLISHED_AT.desc(), DATA_RELEASE.ID.desc())
                .fetch(Records.mapping(Entry::new));
    }

    /** A release's status, why it is held (if it is) and its run's quality report, for {@code releases report}. */
    public java.util.Optional<String> report(long releaseId) {
        return db.select(DATA_RELEASE.DATASET, DATA_RELEASE.STATUS, DATA_RELEASE.HELD_REASONS,
                        DATA_RELEASE.APPROVED_BY, DATA_RELEASE.QUALITY_REPORT)
                .from(DATA_RELEASE).where(DATA_RELEASE.ID.eq(releaseId))
                .fetchOptional(r -> "Release " + releaseId + " (" + r.value1() + "): " + r.value2()
                        + (r.value2().equals("AWAITING_REVIEW") && r.value3() != null
                                ? System.lineSeparator() + "Held because:" + System.lineSeparator() + r.value3()
                                        + System.lineSeparator() + "Approve with: releases approve --id " + releaseId
                                        + " --by NAME"
                                : "")
                        + (r.value4() != null ? System.lineSeparator() + "Approved after review by " + r.value4() : "")
                        + System.lineSeparator() + System.lineSeparator()
                        + (r.value5() != null ? r.value5() : "No quality report: this release predates it."));
    }
}
