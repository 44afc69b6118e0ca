package io.crowdlens.api;

import io.crowdlens.testing.OnPostgresOverHttp;
import org.springframework.context.annotation.Import;

@OnPostgresOverHttp
@Import(ApiRequestTimeoutContract.SlowEndpoints.class)
class ApiRequestTimeoutOnPostgresTest extends ApiRequestTimeoutContract {
}
