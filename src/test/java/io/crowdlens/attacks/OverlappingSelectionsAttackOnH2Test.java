package io.crowdlens.attacks;

import io.crowdlens.testing.OnH2;

@OnH2
class OverlappingSelectionsAttackOnH2Test extends OverlappingSelectionsAttackContract {
}
