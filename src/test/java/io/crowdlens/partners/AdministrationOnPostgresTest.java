package io.crowdlens.partners;

import io.crowdlens.testing.OnPostgres;

@OnPostgres
class AdministrationOnPostgresTest extends AdministrationContract {
}
