package io.crowdlens.visits;

import io.crowdlens.testing.OnPostgres;

@OnPostgres
class VisitsQueryServiceOnPostgresTest extends VisitsQueryServiceContract {
}
