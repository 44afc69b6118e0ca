package io.crowdlens.api;

import io.crowdlens.testing.OnPostgresOverHttp;

@OnPostgresOverHttp
class ApiCatalogueOnPostgresTest extends ApiCatalogueContract {
}
