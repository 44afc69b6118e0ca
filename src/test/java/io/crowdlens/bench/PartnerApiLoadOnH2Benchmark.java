package io.crowdlens.bench;

import io.crowdlens.testing.OnH2OverHttp;
import org.springframework.test.context.TestPropertySource;

@OnH2OverHttp
@TestPropertySource(properties = {"crowdlens.test.isolated-context=api-load-h2", "crowdlens.api.rate-limit=1000000"})
class PartnerApiLoadOnH2Benchmark extends ApiLoadBenchmark {

    @Override
    String engine() {
        return "H2 (embedded, in-memory)";
    }

    @Override
    String section() {
        return "api-load-h2";
    }
}
