package io.crowdlens.pipeline.publish;

import static io.crowdlens.db.Tables.DATA_RELEASE;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.db.tables.records.DataReleaseRecord;
import io.crowdlens.release.Staleness;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves a run held for review (docs/decisions/031-held-releases-and-quality-report.md): a data operator
 * who read the quality report approves it, by name, audited. Every held release of the run is served
 * together, in one transaction, each superseding its dataset's served release, as a run that passed
 * its checks would have. Refused when a newer release of a dataset is served since (approving would
 * put older figures back) or when a newer opt-out list makes the held release stale.
 */
@Component
public class ReleaseApproval {

    private final DSLContext db;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;

    public ReleaseApproval(DSLContext db, TransactionTemplate tx, AuditLog audit, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an approval served: the run's releases, and the ones they replaced. */
    public record Outcome(List<Long> served, List<Long> superseded) {
    }

    public Outcome approve(long releaseId, String approvedBy) {
        if (approvedBy == null || approvedBy.isBlank()) {
            throw new IllegalArgumentException("approving a release needs who decided it (--by)");
        }
        String by = approvedBy.strip();
        Outcome outcome = tx.execute(status -> {
            DataReleaseRecord release = db.selectFrom(DATA_RELEASE).where(DATA_RELEASE.ID.eq(releaseId)).forUpdate()
                    .fetchOptional().orElseThrow(() -> new IllegalArgumentException("there is no release " + releaseId));
            if (!release.getStatus().equals("AWAITING_REVIEW")) {
                throw new IllegalArgumentException("release " + releaseId + " is " + release.getStatus().toLowerCase()
                        + ", not awaiting review: only a held release can be approved");
            }
            List<DataReleaseRecord> run = release.getRunId().isEmpty() ? List.of(release)
                    : db.selectFrom(DATA_RELEASE).where(DATA_RELEASE.RUN_ID.eq(release.getRunId()))
                            .and(DATA_RELEASE.STATUS.eq("AWAITING_REVIEW")).orderBy(DATA_RELEASE.ID).forUpdate().fetch();
            if (db.fetchExists(db.selectOne().from(DATA_RELEASE).where(DATA_RELEASE.ID.eq(releaseId))
                    .and(Staleness.ofRelease()))) {
                throw new IllegalArgumentException("release " + releaseId + " honours opt-out list "
                        + release.getOptoutListVersion() + ", and a newer list has arrived since: serving it would show"
                        + " devices that opted out; run the pipeline on a drop with the newest list instead");
            }
            List<Long> superseded = new java.util.ArrayList<>();
            for (DataReleaseRecord held : run) {
                List<DataReleaseRecord> newer = db.selectFrom(DATA_RELEASE)
                        .where(DATA_RELEASE.DATASET.eq(held.getDataset())).and(DATA_RELEASE.STATUS.eq("PUBLISHED"))
                        .and(DATA_RELEASE.PUBLISHED_AT.gt(held.getPublishedAt())
                                .or(DATA_RELEASE.PUBLISHED_AT.eq(held.getPublishedAt()).and(DATA_RELEASE.ID.gt(held.getId()))))
                        .fetch();
                if (!newer.isEmpty()) {
                    throw new IllegalArgumentException("release " + newer.getFirst().getId() + " of "
                            + held.getDataset().toLowerCase() + " was published after release " + held.getId()
                            + " and is served: approving would put older figures back; withdraw the held release instead");
                }
                List<Long> served = db.select(DATA_RELEASE.ID).from(DATA_RELEASE)
                        .where(DATA_RELEASE.DATASET.eq(held.getDataset())).and(DATA_RELEASE.STATUS.eq("PUBLISHED"))
                        .fetch(DATA_RELEASE.ID);
                db.update(DATA_RELEASE).set(DATA_RELEASE.STATUS, "SUPERSEDED").where(DATA_RELEASE.ID.in(served))
                        .execute();
                superseded.addAll(served);
                db.update(DATA_RELEASE)
                        .set(DATA_RELEASE.STATUS, "PUBLISHED")
                        .set(DATA_RELEASE.APPROVED_AT, OffsetDateTime.now(clock))
                        .set(DATA_RELEASE.APPROVED_BY, by)
                        .where(DATA_RELEASE.ID.eq(held.getId()))
                        .execute();
            }
            return new Outcome(run.stream().map(DataReleaseRecord::getId).toList(), superseded);
        });
        audit.record(by, null, AuditAction.RELEASE_PUBLISHED, AuditOutcome.SUCCESS, "held releases "
                + outcome.served().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " approved after review and served" + (outcome.superseded().isEmpty() ? ""
                        : "; superseded " + outcome.superseded().stream().map(String::valueOf)
                                .collect(Collectors.joining(", "))));
        return outcome;
    }
}
