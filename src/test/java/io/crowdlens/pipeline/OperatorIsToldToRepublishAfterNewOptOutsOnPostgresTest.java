package io.crowdlens.pipeline;

import io.crowdlens.testing.OnPostgres;

@OnPostgres
class OperatorIsToldToRepublishAfterNewOptOutsOnPostgresTest extends OperatorIsToldToRepublishAfterNewOptOutsContract {
}
