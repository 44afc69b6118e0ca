package io.crowdlens.partners;

import io.crowdlens.testing.OnPostgres;

@OnPostgres
class TenancyIsolationOnPostgresTest extends TenancyIsolationContract {
}
