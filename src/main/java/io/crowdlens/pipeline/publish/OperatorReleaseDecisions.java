package io.crowdlens.pipeline.publish;

import io.crowdlens.release.ReleaseDecisions;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The Releases page's approve and withdraw, by {@link ReleaseApproval} and {@link ReleaseWithdrawal}. */
@Component
class OperatorReleaseDecisions implements ReleaseDecisions {

    private final ReleaseApproval approval;
    private final ReleaseWithdrawal withdrawal;

    OperatorReleaseDecisions(ReleaseApproval approval, ReleaseWithdrawal withdrawal) {
        this.approval = approval;
        this.withdrawal = withdrawal;
    }

    @Override
    public List<Long> approve(long releaseId, String approvedBy) {
        return approval.approve(releaseId, approvedBy).served();
    }

    @Override
    public Optional<Long> withdraw(long releaseId, String withdrawnBy, String reason) {
        return withdrawal.withdraw(releaseId, withdrawnBy, reason).nowServed();
    }
}
