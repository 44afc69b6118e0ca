package io.crowdlens.release;

import java.util.List;
import java.util.Optional;

/**
 * A data operator's decisions on a release, as the operations pages take them: approve a release held
 * for review, withdraw a served or held one. Implemented by the pipeline's publishing package (which
 * owns the transactions and the audit), so that this package does not depend on the pipeline.
 */
public interface ReleaseDecisions {

    /** Serves every held release of the release's run; returns the releases now served. */
    List<Long> approve(long releaseId, String approvedBy);

    /** Withdraws the release, with the reason; returns what is served for its dataset afterwards. */
    Optional<Long> withdraw(long releaseId, String withdrawnBy, String reason);
}
