package io.crowdlens.licensing;

import io.crowdlens.testing.OnPostgres;

@OnPostgres
class LicenceScopeServiceOnPostgresTest extends LicenceScopeServiceContract {
}
