package io.crowdlens.api;

import io.crowdlens.testing.OnH2OverHttp;

@OnH2OverHttp
class ApiTokenLifecycleOnH2Test extends ApiTokenLifecycleContract {
}
