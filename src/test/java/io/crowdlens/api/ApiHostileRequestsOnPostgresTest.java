package io.crowdlens.api;

import io.crowdlens.testing.OnPostgresOverHttp;

@OnPostgresOverHttp
class ApiHostileRequestsOnPostgresTest extends ApiHostileRequestsContract {
}
