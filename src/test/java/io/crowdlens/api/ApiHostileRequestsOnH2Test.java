package io.crowdlens.api;

import io.crowdlens.testing.OnH2OverHttp;

@OnH2OverHttp
class ApiHostileRequestsOnH2Test extends ApiHostileRequestsContract {
}
