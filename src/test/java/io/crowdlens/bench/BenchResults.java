package io.crowdlens.bench;

import java.io.IOException;

/** Lets benchmarks outside this package (the browser one lives with the journeys) write their section. */
public final class BenchResults {

    private BenchResults() {
    }

    public static void replaceSection(String section, String markdown) throws IOException {
        BenchReport.replaceSection(section, markdown);
    }
}
