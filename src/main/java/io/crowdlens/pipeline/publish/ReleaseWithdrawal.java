package io.crowdlens.pipeline.publish;

import static io.crowdlens.db.Tables.DATA_RELEASE;

import io.crowdlens.audit.AuditAction;
import io.crowdlens.audit.AuditLog;
import io.crowdlens.audit.AuditOutcome;
import io.crowdlens.release.Staleness;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a served release out of service (docs/privacy.md, "Opting out"): an operator decision with a
 * name and a reason, audited. The dataset falls back only to the newest earlier release that honours
 * the current opt-out list; when there is none, nothing is served for the dataset until the next run,
 * because serving an older release would show figures of devices that have opted out since. What the
 * withdrawn release spent stays in the privacy ledger: its figures were seen. A release held for review
 * can be withdrawn too (rejected after review): what is served stays.
 */
@Component
public class ReleaseWithdrawal {

    private final DSLContext db;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;

    public ReleaseWithdrawal(DSLContext db, TransactionTemplate tx, AuditLog audit, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a withdrawal did: the release now served for the dataset, if any. */
    public record Outcome(long withdrawn, String dataset, Optional<Long> nowServed) {
    }

    public Outcome withdraw(long releaseId, String withdrawnBy, String reason) {
        if (withdrawnBy == null || withdrawnBy.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("withdrawing a release needs who decided it (--by) and why (--reason)");
        }
        Outcome outcome = tx.execute(status -> {
            var release = db.selectFrom(DATA_RELEASE).where(DATA_RELEASE.ID.eq(releaseId)).forUpdate().fetchOptional()
                    .orElseThrow(() -> new IllegalArgumentException("there is no release " + releaseId));
            boolean held = release.getStatus().equals("AWAITING_REVIEW");
            if (!release.getStatus().equals("PUBLISHED") && !held) {
                throw new IllegalArgumentException("release " + releaseId + " is " + release.getStatus().toLowerCase()
                        + ", not served: only the served release of a dataset, or one awaiting review, can be withdrawn");
            }
            db.update(DATA_RELEASE)
                    .set(DATA_RELEASE.STATUS, "WITHDRAWN")
                    .set(DATA_RELEASE.WITHDRAWN_AT, OffsetDateTime.now(clock))
                    .set(DATA_RELEASE.WITHDRAWN_BY, withdrawnBy.strip())
                    .set(DATA_RELEASE.WITHDRAWN_REASON, reason.strip())
                    .where(DATA_RELEASE.ID.eq(releaseId))
                    .execute();
            if (held) {
                // rejected after review: it was never served, what is served stays
                return new Outcome(releaseId, release.getDataset(), db.select(DATA_RELEASE.ID).from(DATA_RELEASE)
                        .where(DATA_RELEASE.DATASET.eq(release.getDataset())).and(DATA_RELEASE.STATUS.eq("PUBLISHED"))
                        .limit(1).fetchOptional(DATA_RELEASE.ID));
            }
            Optional<Long> fallback = db.select(DATA_RELEASE.ID).from(DATA_RELEASE)
                    .where(DATA_RELEASE.DATASET.eq(release.getDataset()))
                    .and(DATA_RELEASE.STATUS.eq("SUPERSEDED"))
                    .andNot(Staleness.ofRelease())
                    .orderBy(DATA_RELEASE.PUBLISHED_AT.desc(), DATA_RELEASE.ID.desc())
                    .limit(1)
                    .fetchOptional(DATA_RELEASE.ID);
            fallback.ifPresent(id -> db.update(DATA_RELEASE).set(DATA_RELEASE.STATUS, "PUBLISHED")
                    .where(DATA_RELEASE.ID.eq(id)).execute());
            return new Outcome(releaseId, release.getDataset(), fallback);
        });
        audit.record(withdrawnBy.strip(), null, AuditAction.RELEASE_WITHDRAWN, AuditOutcome.SUCCESS,
                "release " + releaseId + " (" + outcome.dataset() + ") withdrawn: " + reason.strip() + "; now serving "
                        + outcome.nowServed().map(id -> "release " + id).orElse("nothing for this dataset"));
        return outcome;
    }
}
