package io.crowdlens.licensing;

import io.crowdlens.testing.OnH2;

@OnH2
class LicenceScopeServiceOnH2Test extends LicenceScopeServiceContract {
}
