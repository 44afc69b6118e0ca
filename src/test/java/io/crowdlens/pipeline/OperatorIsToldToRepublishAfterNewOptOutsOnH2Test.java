package io.crowdlens.pipeline;

import io.crowdlens.testing.OnH2;

@OnH2
class OperatorIsToldToRepublishAfterNewOptOutsOnH2Test extends OperatorIsToldToRepublishAfterNewOptOutsContract {
}
