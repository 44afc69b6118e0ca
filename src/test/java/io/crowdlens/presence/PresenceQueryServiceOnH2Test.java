package io.crowdlens.presence;

import io.crowdlens.testing.OnH2;

@OnH2
class PresenceQueryServiceOnH2Test extends PresenceQueryServiceContract {
}
