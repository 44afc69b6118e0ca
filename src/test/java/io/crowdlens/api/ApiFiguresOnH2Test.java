package io.crowdlens.api;

import io.crowdlens.testing.OnH2OverHttp;

@OnH2OverHttp
class ApiFiguresOnH2Test extends ApiFiguresContract {
}
