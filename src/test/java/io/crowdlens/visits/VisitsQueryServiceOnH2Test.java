package io.crowdlens.visits;

import io.crowdlens.testing.OnH2;

@OnH2
class VisitsQueryServiceOnH2Test extends VisitsQueryServiceContract {
}
