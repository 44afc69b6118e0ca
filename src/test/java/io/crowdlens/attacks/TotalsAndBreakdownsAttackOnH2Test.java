package io.crowdlens.attacks;

import io.crowdlens.testing.OnH2;

@OnH2
class TotalsAndBreakdownsAttackOnH2Test extends TotalsAndBreakdownsAttackContract {
}
