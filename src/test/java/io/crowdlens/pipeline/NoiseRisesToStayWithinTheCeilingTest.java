package io.crowdlens.pipeline;

import static io.crowdlens.db.Tables.DATA_RELEASE;
import static io.crowdlens.db.Tables.RELEASE_NOISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crowdlens.pipeline.engine.EngineKind;
import io.crowdlens.privacy.noise.RandomSource;
import io.crowdlens.testing.OnH2;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A run that publishes more figure families (layers, products) than the configured sigma was chosen
 * for gets more noise, never a bigger budget: with a ceiling of 0.5 per device-day, every sigma of the
 * hand-counted drop's run is raised by one factor so that the release costs the ceiling, and the run
 * report says so.
 */
@OnH2
@TestPropertySource(properties = {"crowdlens.privacy.budget.ceiling-per-release=0.5",
        "crowdlens.test.isolated-context=low-privacy-ceiling"})
class NoiseRisesToStayWithinTheCeilingTest {

    @Autowired PipelineRunner pipeline;
    @Autowired DSLContext db;

    @TempDir
    Path temp;

    @Test
    void everySigmaRisesByOneFactorUntilTheRunCostsTheCeiling() {
        Path drop = TestDrops.copy("hand-counted", temp.resolve("drop"));

        RunReport report = pipeline.run(drop, RunOptions.defaults().withEngine(EngineKind.DUCKDB)
                .withOutputDirectory(temp.resolve("run")).withRandom(RandomSource.seeded(5)));

        assertThat(report.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("Noise raised to stay within the budget: at the configured sigma this run's")
                .contains("above the ceiling of 0.5000 (crowdlens.privacy.budget.ceiling-per-release)"));
        // the run's cost is the sum over its products, those that published nothing included (their
        // noisy figures decided that nothing was published): what the ledger booked for the run
        List<Long> releases = report.releases().stream().map(RunReport.PublishedRelease::releaseId).toList();
        String runId = db.select(DATA_RELEASE.RUN_ID).from(DATA_RELEASE).where(DATA_RELEASE.ID.eq(releases.getFirst()))
                .fetchSingle(DATA_RELEASE.RUN_ID);
        double booked = db.select(io.crowdlens.db.Tables.PRIVACY_LEDGER.RHO_DAY_LEVEL
                        .plus(io.crowdlens.db.Tables.PRIVACY_LEDGER.RHO_PERIOD_LEVEL))
                .from(io.crowdlens.db.Tables.PRIVACY_LEDGER)
                .where(io.crowdlens.db.Tables.PRIVACY_LEDGER.RUN_ID.eq(runId))
                .and(io.crowdlens.db.Tables.PRIVACY_LEDGER.LOCAL_DAY.eq(java.time.LocalDate.of(2026, 3, 2)))
                .fetch().stream().mapToDouble(r -> r.value1()).sum();
        assertThat(booked).isLessThanOrEqualTo(0.5).isCloseTo(0.5, within(0.001));
        double rho = db.select(DATA_RELEASE.RHO_DAY_LEVEL.plus(DATA_RELEASE.RHO_PERIOD_LEVEL)).from(DATA_RELEASE)
                .where(DATA_RELEASE.ID.in(releases)).fetch().stream().mapToDouble(r -> r.value1()).sum();
        assertThat(rho).isLessThanOrEqualTo(booked);
        List<BigDecimal> sigmas = db.select(RELEASE_NOISE.SIGMA).from(RELEASE_NOISE)
                .where(RELEASE_NOISE.RELEASE_ID.in(releases)).fetch(RELEASE_NOISE.SIGMA);
        assertThat(sigmas).isNotEmpty().allSatisfy(s -> assertThat(s).isGreaterThan(new BigDecimal("5")))
                .as("one factor for every family").allSatisfy(s -> assertThat(s).isEqualByComparingTo(sigmas.getFirst()));
        // rho = sum of squared sensitivities / (2 sigma^2): the release's own records add up to its total
        double fromRecords = db.select(RELEASE_NOISE.SQUARED_SENSITIVITY, RELEASE_NOISE.SIGMA).from(RELEASE_NOISE)
                .where(RELEASE_NOISE.RELEASE_ID.in(releases)).fetch()
                .stream().mapToDouble(r -> r.value1() / (2 * Math.pow(r.value2().doubleValue(), 2))).sum();
        assertThat(fromRecords).isCloseTo(rho, within(1e-6));
    }
}
