package io.crowdlens.bench;

import io.crowdlens.testing.OnPostgresOverHttp;
import org.springframework.test.context.TestPropertySource;

@OnPostgresOverHttp
@TestPropertySource(properties = {"crowdlens.test.isolated-context=api-load-postgres", "crowdlens.api.rate-limit=1000000"})
class PartnerApiLoadOnPostgresBenchmark extends ApiLoadBenchmark {

    @Override
    String engine() {
        return "PostgreSQL 18 (embedded zonky binaries, same machine)";
    }

    @Override
    String section() {
        return "api-load-postgres";
    }
}
