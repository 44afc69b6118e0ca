package io.crowdlens.presence;

import io.crowdlens.testing.OnPostgres;

@OnPostgres
class PresenceQueryServiceOnPostgresTest extends PresenceQueryServiceContract {
}
