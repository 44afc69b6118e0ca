package io.crowdlens.commuting;

import io.crowdlens.testing.OnPostgres;

@OnPostgres
class CommutingQueryServiceOnPostgresTest extends CommutingQueryServiceContract {
}
