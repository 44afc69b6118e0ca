package io.crowdlens.api;

import io.crowdlens.testing.OnH2OverHttp;
import org.springframework.context.annotation.Import;

@OnH2OverHttp
@Import(ApiRequestTimeoutContract.SlowEndpoints.class)
class ApiRequestTimeoutOnH2Test extends ApiRequestTimeoutContract {
}
