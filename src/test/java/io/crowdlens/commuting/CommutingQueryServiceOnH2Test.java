package io.crowdlens.commuting;

import io.crowdlens.testing.OnH2;

@OnH2
class CommutingQueryServiceOnH2Test extends CommutingQueryServiceContract {
}
