package io.crowdlens.partners;

import io.crowdlens.testing.OnH2;

@OnH2
class AdministrationOnH2Test extends AdministrationContract {
}
