package io.crowdlens.api;

import io.crowdlens.testing.OnPostgresOverHttp;

@OnPostgresOverHttp
class ApiFiguresOnPostgresTest extends ApiFiguresContract {
}
