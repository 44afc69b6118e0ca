package io.crowdlens.api;

import io.crowdlens.testing.OnH2OverHttp;

@OnH2OverHttp
class ApiCatalogueOnH2Test extends ApiCatalogueContract {
}
