package io.crowdlens.pipeline.publish;

import io.crowdlens.testing.OnH2;

@OnH2
class ReleasePublishingOnH2Test extends ReleasePublishingContract {
}
