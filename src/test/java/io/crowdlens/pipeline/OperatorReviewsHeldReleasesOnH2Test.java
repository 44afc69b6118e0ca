package io.crowdlens.pipeline;

import io.crowdlens.testing.OnH2;

@OnH2
class OperatorReviewsHeldReleasesOnH2Test extends OperatorReviewsHeldReleasesContract {
}
